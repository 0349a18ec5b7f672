package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.MessageSearchPort;
import dev.parley.domain.message.Message;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Searches the in-memory history by scanning it newest first and matching whole words, ignoring
 * case: a linear scan, fine for tests and development, not for big rooms.
 */
@Singleton
public final class InMemoryMessageSearchAdapter implements MessageSearchPort {
  // Words as PostgreSQL's 'simple' configuration sees them: runs of letters and digits.
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final int CHUNK = 200;

  private final InMemoryMessageStoreAdapter store;

  @Inject
  public InMemoryMessageSearchAdapter(InMemoryMessageStoreAdapter store) {
    this.store = store;
  }

  @Override
  public List<Message> search(RoomId roomId, String terms, long beforeSequence, int limit) {
    Set<String> wanted = words(terms);
    List<Message> found = new ArrayList<>();
    if (wanted.isEmpty() || limit <= 0) {
      return found;
    }
    long before = beforeSequence;
    while (found.size() < limit) {
      List<Message> chunk = store.before(roomId, before, CHUNK);
      if (chunk.isEmpty()) {
        return found;
      }
      for (int i = chunk.size() - 1; i >= 0 && found.size() < limit; i--) {
        Message message = chunk.get(i);
        if (!message.deleted() && words(message.body()).containsAll(wanted)) {
          found.add(message);
        }
      }
      before = chunk.getFirst().sequence();
    }
    return found;
  }

  private static Set<String> words(String text) {
    return Arrays.stream(NOT_WORD.split(text.toLowerCase(Locale.ROOT)))
        .filter(word -> !word.isEmpty())
        .collect(Collectors.toSet());
  }
}
