package dev.parley.sample;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the bad-input suite knows to be real on the server under test, so that a malformed request
 * breaks only the part it means to break.
 *
 * @param tokens valid tokens of the room's members, keyed by user id
 * @param pathValues a real value for each path parameter name (roomId, messageId, userId, emoji)
 * @param strangerRoom a private room none of the members belongs to
 */
record BadInputFixture(
    String secret,
    Map<String, String> tokens,
    Map<String, String> pathValues,
    String strangerRoom) {

  String token(Random random) {
    return tokens.get(user(random));
  }

  String user(Random random) {
    List<String> users = List.copyOf(tokens.keySet());
    return users.get(random.nextInt(users.size()));
  }

  String pathValue(String name) {
    return pathValues.getOrDefault(name, "x");
  }
}
