package dev.parley.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creates, through the API itself, the rooms and message the bad-input suite aims at. */
final class BadInputSetup {
  private static final int MEMBERS = 8;

  private BadInputSetup() {}

  static BadInputFixture create(ChatHttpClient api, String secret) throws Exception {
    Map<String, String> tokens = new LinkedHashMap<>();
    for (int i = 0; i < MEMBERS; i++) {
      String user = "fuzz-" + i;
      tokens.put(user, TestTokens.valid(secret, user));
    }
    List<String> users = List.copyOf(tokens.keySet());
    String owner = tokens.get(users.get(0));
    Reply room =
        api.post(
            "/rooms",
            owner,
            Map.of("name", "fuzz", "type", "public", "invite", users.subList(1, MEMBERS)));
    assertThat(room.status()).as("%s", room).isEqualTo(201);
    String roomId = room.json().path("id").asText();
    Reply message =
        api.post("/rooms/" + roomId + "/messages", owner, Map.of("text", "a message to aim at"));
    assertThat(message.status()).as("%s", message).isEqualTo(201);
    Reply stranger =
        api.post(
            "/rooms",
            TestTokens.valid(secret, "fuzz-stranger"),
            Map.of("name", "elsewhere", "type", "private"));
    assertThat(stranger.status()).as("%s", stranger).isEqualTo(201);
    return new BadInputFixture(
        secret,
        tokens,
        Map.of(
            "roomId",
            roomId,
            "messageId",
            message.json().path("id").asText(),
            "userId",
            users.get(1),
            "emoji",
            "thumbsup"),
        stranger.json().path("id").asText());
  }
}
