package dev.parley.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The flags of each action, written out so a change to one of them shows up here. */
class ActionTest {

  @Test
  void onlyReadDoesNotWrite() {
    assertThat(Arrays.stream(Action.values()).filter(a -> !a.writes()))
        .containsExactly(Action.READ);
  }

  @Test
  void muteSilencesSpeakingOnly() {
    assertThat(Arrays.stream(Action.values()).filter(Action::silencedByMute))
        .containsExactlyInAnyOrder(Action.POST, Action.REPLY, Action.REACT, Action.EDIT_OWN);
  }

  @Test
  void moderationActionsActOnAnotherMember() {
    assertThat(Arrays.stream(Action.values()).filter(Action::actsOnAnotherMember))
        .containsExactlyInAnyOrder(
            Action.DELETE_ANY, Action.KICK, Action.BAN, Action.MUTE, Action.CHANGE_ROLE);
  }

  @Test
  void editAndDeleteOwnAreNotActionsOnAnotherMember() {
    assertThat(Action.EDIT_OWN.actsOnAnotherMember()).isFalse();
    assertThat(Action.DELETE_OWN.actsOnAnotherMember()).isFalse();
  }
}
