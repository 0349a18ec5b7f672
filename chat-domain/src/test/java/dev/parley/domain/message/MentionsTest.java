package dev.parley.domain.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.user.UserId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which {@code @names} in a text are mentions. */
class MentionsTest {

  private static List<String> mentioned(String text) {
    return Mentions.in(text).stream().map(UserId::value).toList();
  }

  @Test
  void textWithoutAtMentionsNobody() {
    assertThat(Mentions.in("hello everyone")).isEmpty();
  }

  @Test
  void deletedMessageMentionsNobody() {
    assertThat(Mentions.in(null)).isEmpty();
  }

  @Test
  void nameAtStartOrAfterSpaceIsAMention() {
    assertThat(mentioned("@alice hi and @bob too")).containsExactly("alice", "bob");
  }

  @Test
  void sentencePunctuationAfterTheNameIsNotPartOfIt() {
    assertThat(mentioned("thanks @alice. ask @bob, or @carol!"))
        .containsExactly("alice", "bob", "carol");
    assertThat(mentioned("ping @dave?")).containsExactly("dave");
  }

  @Test
  void bracketsAndQuotesAroundTheNameAreNotPartOfIt() {
    assertThat(mentioned("(@alice) [@bob] \"@carol\" '@dave'"))
        .containsExactly("alice", "bob", "carol", "dave");
  }

  @Test
  void emailAddressIsNoMention() {
    assertThat(mentioned("write to bob@example.com")).isEmpty();
  }

  @Test
  void idCharactersInsideTheNameAreKept() {
    assertThat(mentioned("@user-1.dev_x: hi")).containsExactly("user-1.dev_x");
  }

  @Test
  void slashEndsTheName() {
    assertThat(mentioned("@alice/bob")).containsExactly("alice");
  }

  @Test
  void newlineAndTabStartAMention() {
    assertThat(mentioned("line\n@alice\t@bob")).containsExactly("alice", "bob");
  }

  @Test
  void bareAtSignsAreNoMention() {
    assertThat(mentioned("@ @. a @@b (@)")).isEmpty();
  }

  @Test
  void eachUserCountsOnceInOrderOfFirstAppearance() {
    assertThat(mentioned("@bob @alice @bob")).containsExactly("bob", "alice");
  }

  @Test
  void nameLongerThanAnIdIsNoMention() {
    assertThat(mentioned("@" + "a".repeat(129))).isEmpty();
    assertThat(mentioned("@" + "a".repeat(128))).containsExactly("a".repeat(128));
  }

  @Test
  void atMostTwentyUsersPerMessage() {
    String text = String.join(" ", IntStream.rangeClosed(1, 25).mapToObj(i -> "@u" + i).toList());
    assertThat(mentioned(text)).hasSize(Mentions.MAX_PER_MESSAGE).startsWith("u1").endsWith("u20");
  }

  @Test
  void emojiEndsTheName() {
    assertThat(mentioned("@alice\uD83D\uDE00")).containsExactly("alice");
  }
}
