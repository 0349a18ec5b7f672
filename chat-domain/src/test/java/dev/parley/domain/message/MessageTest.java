package dev.parley.domain.message;

import static dev.parley.domain.message.MessageFixtures.ALICE;
import static dev.parley.domain.message.MessageFixtures.GENERAL;
import static dev.parley.domain.message.MessageFixtures.POSTED_AT;
import static dev.parley.domain.message.MessageFixtures.deleted;
import static dev.parley.domain.message.MessageFixtures.draft;
import static dev.parley.domain.message.MessageFixtures.replyTo;
import static dev.parley.domain.message.MessageFixtures.topLevel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTest {
  private static final Instant EDITED_AT = POSTED_AT.plusSeconds(30);
  private static final Instant DELETED_AT = POSTED_AT.plusSeconds(90);

  private final Message message = topLevel("m1", GENERAL, 7);

  @Test
  void messageFromADraftIsLiveUneditedAndUnpinned() {
    NewMessage draft = draft("m1", GENERAL, null);
    Message stored = Message.fromDraft(draft, 7);
    assertThat(stored.sequence()).isEqualTo(7);
    assertThat(stored.body()).isEqualTo(draft.body().text());
    assertThat(stored.author()).isEqualTo(ALICE);
    assertThat(stored.clientMessageId()).isEqualTo(draft.clientMessageId());
    assertThat(stored.createdAt()).isEqualTo(POSTED_AT);
    assertThat(stored.replyCount()).isZero();
    assertThat(stored.editedAt()).isNull();
    assertThat(stored.deleted()).isFalse();
    assertThat(stored.pinned()).isFalse();
    assertThat(stored.isReply()).isFalse();
  }

  @Test
  void replyKnowsItsThreadRoot() {
    Message reply = replyTo(message, "m2", 8);
    assertThat(reply.isReply()).isTrue();
    assertThat(reply.parentId()).isEqualTo(message.id());
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void sequenceStartsAtOne(long sequence) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Message.fromDraft(draft("m1", GENERAL, null), sequence));
  }

  @Test
  void firstMessageOfARoomHasSequenceOne() {
    assertThat(topLevel("m1", GENERAL, 1).sequence()).isEqualTo(1);
  }

  @Test
  void liveMessageMustHaveABody() {
    assertThatIllegalArgumentException().isThrownBy(() -> withBodyAndDeletedAt(null, null));
  }

  @Test
  void deletedMessageMustNotKeepItsBody() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> withBodyAndDeletedAt("still here", DELETED_AT));
  }

  @Test
  void editReplacesTheTextAndStampsTheEditTime() {
    Message edited = applied(message.apply(edit("fixed typo", EDITED_AT)));
    assertThat(edited.body()).isEqualTo("fixed typo");
    assertThat(edited.editedAt()).isEqualTo(EDITED_AT);
    assertThat(edited.id()).isEqualTo(message.id());
    assertThat(edited.sequence()).isEqualTo(message.sequence());
    assertThat(edited.createdAt()).isEqualTo(message.createdAt());
    assertThat(edited.deleted()).isFalse();
  }

  @Test
  void editLeavesTheOriginalUntouched() {
    message.apply(edit("fixed typo", EDITED_AT));
    assertThat(message.body()).isEqualTo("hello from m1");
    assertThat(message.editedAt()).isNull();
  }

  @Test
  void secondEditMovesTheEditTimeOn() {
    Message once = applied(message.apply(edit("one", EDITED_AT)));
    Message twice = applied(once.apply(edit("two", EDITED_AT.plusSeconds(5))));
    assertThat(twice.body()).isEqualTo("two");
    assertThat(twice.editedAt()).isEqualTo(EDITED_AT.plusSeconds(5));
  }

  @Test
  void editKeepsThePin() {
    Message pinned = applied(message.apply(new MessageChange.Pin(true)));
    assertThat(applied(pinned.apply(edit("new", EDITED_AT))).pinned()).isTrue();
  }

  @Test
  void deleteRemovesTheBodyAndKeepsTheSequence() {
    Message tombstone = applied(message.apply(new MessageChange.Delete(DELETED_AT)));
    assertThat(tombstone.body()).isNull();
    assertThat(tombstone.deleted()).isTrue();
    assertThat(tombstone.deletedAt()).isEqualTo(DELETED_AT);
    assertThat(tombstone.sequence()).isEqualTo(7);
    assertThat(tombstone.id()).isEqualTo(message.id());
    assertThat(tombstone.author()).isEqualTo(message.author());
  }

  @Test
  void deletingAThreadRootKeepsItsReplyCount() {
    Message root = message.withReplyAdded().withReplyAdded();
    assertThat(applied(root.apply(new MessageChange.Delete(DELETED_AT))).replyCount()).isEqualTo(2);
  }

  @Test
  void deletingAPinnedMessageUnpinsIt() {
    Message pinned = applied(message.apply(new MessageChange.Pin(true)));
    assertThat(applied(pinned.apply(new MessageChange.Delete(DELETED_AT))).pinned()).isFalse();
  }

  @Test
  void deletingAnEditedMessageKeepsWhenItWasEdited() {
    Message edited = applied(message.apply(edit("new", EDITED_AT)));
    assertThat(applied(edited.apply(new MessageChange.Delete(DELETED_AT))).editedAt())
        .isEqualTo(EDITED_AT);
  }

  static Stream<MessageChange> everyChange() {
    return Stream.of(
        edit("too late", EDITED_AT),
        new MessageChange.Delete(DELETED_AT),
        new MessageChange.Pin(true),
        new MessageChange.Pin(false));
  }

  @ParameterizedTest
  @MethodSource("everyChange")
  void deletedMessageChangesNoMore(MessageChange change) {
    assertThat(deleted(message).apply(change))
        .isEqualTo(new ChangeOutcome.Rejected(ChangeOutcome.Reason.DELETED));
  }

  @Test
  void pinAndUnpin() {
    Message pinned = applied(message.apply(new MessageChange.Pin(true)));
    assertThat(pinned.pinned()).isTrue();
    assertThat(applied(pinned.apply(new MessageChange.Pin(false))).pinned()).isFalse();
  }

  @Test
  void pinningIsNotAnEdit() {
    Message pinned = applied(message.apply(new MessageChange.Pin(true)));
    assertThat(pinned.body()).isEqualTo(message.body());
    assertThat(pinned.editedAt()).isNull();
  }

  @Test
  void replyAddedCountsUpAndChangesNothingElse() {
    Message root = message.withReplyAdded().withReplyAdded().withReplyAdded();
    assertThat(root.replyCount()).isEqualTo(3);
    assertThat(root.body()).isEqualTo(message.body());
    assertThat(root.sequence()).isEqualTo(message.sequence());
    assertThat(message.replyCount()).isZero();
  }

  private static MessageChange.Edit edit(String text, Instant at) {
    return new MessageChange.Edit(MessageBody.of(text), at);
  }

  private static Message applied(ChangeOutcome outcome) {
    assertThat(outcome).isInstanceOf(ChangeOutcome.Applied.class);
    return ((ChangeOutcome.Applied) outcome).message();
  }

  private Message withBodyAndDeletedAt(String body, Instant deletedAt) {
    return new Message(
        message.id(),
        message.roomId(),
        message.sequence(),
        message.author(),
        body,
        null,
        0,
        null,
        message.createdAt(),
        null,
        deletedAt,
        false);
  }
}
