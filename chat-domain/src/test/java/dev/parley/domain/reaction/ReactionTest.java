package dev.parley.domain.reaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReactionTest {
  private static final Emoji THUMBS_UP = Emoji.of("👍");
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");
  private static final UserId CAROL = UserId.of("carol");

  @Test
  void countIsTheNumberOfUsers() {
    assertThat(new Reaction(THUMBS_UP, List.of(ALICE)).count()).isEqualTo(1);
    assertThat(new Reaction(THUMBS_UP, List.of(ALICE, BOB, CAROL)).count()).isEqualTo(3);
  }

  @Test
  void usersKeepTheOrderTheyReactedIn() {
    assertThat(new Reaction(THUMBS_UP, List.of(CAROL, ALICE, BOB)).users())
        .containsExactly(CAROL, ALICE, BOB);
  }

  @Test
  void knowsWhoReacted() {
    Reaction reaction = new Reaction(THUMBS_UP, List.of(ALICE, BOB));
    assertThat(reaction.by(ALICE)).isTrue();
    assertThat(reaction.by(CAROL)).isFalse();
  }

  @Test
  void reactionWithoutUsersDoesNotExist() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Reaction(THUMBS_UP, List.of()));
  }

  @Test
  void usersAreCopiedAndReadOnly() {
    List<UserId> users = new ArrayList<>(List.of(ALICE));
    Reaction reaction = new Reaction(THUMBS_UP, users);
    users.add(BOB);
    assertThat(reaction.count()).isEqualTo(1);
    assertThatThrownBy(() -> reaction.users().add(CAROL))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void outcomesThatChangeSomething() {
    assertThat(ReactionOutcome.ADDED.changed()).isTrue();
    assertThat(ReactionOutcome.REMOVED.changed()).isTrue();
    assertThat(ReactionOutcome.UNCHANGED.changed()).isFalse();
    assertThat(ReactionOutcome.LIMIT_REACHED.changed()).isFalse();
  }
}
