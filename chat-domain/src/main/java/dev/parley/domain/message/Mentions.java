package dev.parley.domain.message;

import dev.parley.domain.shared.Characters;
import dev.parley.domain.shared.Identifiers;
import dev.parley.domain.user.UserId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The users a message text mentions. The syntax, exactly:
 *
 * <ul>
 *   <li>A mention starts with {@code @} at the start of the text or right after whitespace or one
 *       of {@code ( [ { < " '}. So {@code bob@example.com} and {@code @@b} mention nobody. <li>The
 *       name is the longest run after the {@code @} of characters a {@link UserId} may hold
 *       (anything but whitespace, hidden and format characters, {@code /} and characters outside
 *       the Basic Multilingual Plane), without the punctuation {@code . , ; : ! ? ) ] } > " '} at
 *       its end: {@code @alice.} and {@code (@alice)} mention {@code alice}. An id that itself ends
 *       in such punctuation cannot be mentioned.
 *   <li>A name that is empty, starts with {@code @} or is longer than {@link
 *       Identifiers#MAX_LENGTH} is no mention.
 *   <li>Each user counts once, in order of first appearance, and at most {@link #MAX_PER_MESSAGE}
 *       users per text: later names are plain text.
 * </ul>
 *
 * A text without {@code @} is answered without looking at it further, so most messages cost one
 * {@code indexOf}.
 */
public final class Mentions {
  /** The most users one message can mention; the rest of the names are plain text. */
  public static final int MAX_PER_MESSAGE = 20;

  private static final String OPENERS = "([{<\"'";
  private static final String TRAILING = ".,;:!?)]}>\"'";

  private Mentions() {}

  /** The users {@code text} mentions; empty for null (a deleted message). Never null. */
  public static List<UserId> in(String text) {
    if (text == null) {
      return List.of();
    }
    int at = text.indexOf('@');
    if (at < 0) {
      return List.of();
    }
    Set<String> found = new LinkedHashSet<>();
    while (at >= 0 && found.size() < MAX_PER_MESSAGE) {
      int end = at + 1;
      boolean doubled = end < text.length() && text.charAt(end) == '@';
      if (!doubled && (at == 0 || opens(text.charAt(at - 1)))) {
        while (end < text.length() && allowedInId(text.charAt(end))) {
          end++;
        }
        int nameEnd = end;
        while (nameEnd > at + 1 && TRAILING.indexOf(text.charAt(nameEnd - 1)) >= 0) {
          nameEnd--;
        }
        int length = nameEnd - at - 1;
        if (length > 0 && length <= Identifiers.MAX_LENGTH) {
          found.add(text.substring(at + 1, nameEnd));
        }
      }
      at = text.indexOf('@', end);
    }
    List<UserId> users = new ArrayList<>(found.size());
    for (String name : found) {
      users.add(UserId.of(name));
    }
    return List.copyOf(users);
  }

  private static boolean opens(char previous) {
    return Character.isWhitespace(previous) || OPENERS.indexOf(previous) >= 0;
  }

  /** The per-character half of {@link Identifiers#isValid}. */
  private static boolean allowedInId(char c) {
    return !Character.isWhitespace(c)
        && !Characters.isHidden(c)
        && Character.getType(c) != Character.FORMAT
        && c != '/'
        && !Character.isSurrogate(c);
  }
}
