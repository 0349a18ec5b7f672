package dev.parley.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageIdTest {
  private static final RoomId ROOM = RoomId.of("general");
  private static final UserId ALICE = UserId.of("alice");
  private static final ClientMessageId TX = ClientMessageId.of("tx-1");

  @Test
  void blankIdsAreRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> MessageId.of(" "));
  }

  @Test
  void theIdOfAKeyedPostIsTheSameForEveryRetry() {
    assertThat(MessageId.forClientMessage(ROOM, ALICE, TX))
        .isEqualTo(MessageId.forClientMessage(RoomId.of("general"), UserId.of("alice"), TX));
  }

  @Test
  void theIdOfAKeyedPostIsAVersionEightUuid() {
    UUID uuid = UUID.fromString(MessageId.forClientMessage(ROOM, ALICE, TX).value());

    assertThat(uuid.version()).isEqualTo(8);
    assertThat(uuid.variant()).isEqualTo(2);
    assertThat(uuid.toString()).isEqualTo(MessageId.forClientMessage(ROOM, ALICE, TX).value());
  }

  @Test
  void roomAuthorAndClientMessageIdEachChangeTheId() {
    MessageId base = MessageId.forClientMessage(ROOM, ALICE, TX);

    assertThat(MessageId.forClientMessage(RoomId.of("random"), ALICE, TX)).isNotEqualTo(base);
    assertThat(MessageId.forClientMessage(ROOM, UserId.of("bob"), TX)).isNotEqualTo(base);
    assertThat(MessageId.forClientMessage(ROOM, ALICE, ClientMessageId.of("tx-2")))
        .isNotEqualTo(base);
  }

  @Test
  void partsCannotBeShiftedIntoEachOther() {
    // Without length prefixes "ab" + "c" and "a" + "bc" would hash the same input.
    assertThat(MessageId.forClientMessage(RoomId.of("ab"), UserId.of("c"), ClientMessageId.of("x")))
        .isNotEqualTo(
            MessageId.forClientMessage(RoomId.of("a"), UserId.of("bc"), ClientMessageId.of("x")));
  }
}
