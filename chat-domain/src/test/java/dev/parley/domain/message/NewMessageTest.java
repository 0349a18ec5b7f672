package dev.parley.domain.message;

import static dev.parley.domain.message.MessageFixtures.ALICE;
import static dev.parley.domain.message.MessageFixtures.GENERAL;
import static dev.parley.domain.message.MessageFixtures.POSTED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class NewMessageTest {
  private static final MessageId ID = MessageId.of("m1");
  private static final MessageBody BODY = MessageBody.of("hi");

  @Test
  void draftNeedsNoParentAndNoClientKey() {
    NewMessage draft = new NewMessage(ID, GENERAL, ALICE, BODY, null, null, POSTED_AT);
    assertThat(draft.parentId()).isNull();
    assertThat(draft.clientMessageId()).isNull();
    assertThat(Message.fromDraft(draft, 1).clientMessageId()).isNull();
  }

  @Test
  void draftNeedsABody() {
    assertThatNullPointerException()
        .isThrownBy(() -> new NewMessage(ID, GENERAL, ALICE, null, null, null, POSTED_AT))
        .withMessage("body");
  }

  @Test
  void draftNeedsAnAuthorARoomAnIdAndATime() {
    assertThatNullPointerException()
        .isThrownBy(() -> new NewMessage(ID, GENERAL, null, BODY, null, null, POSTED_AT));
    assertThatNullPointerException()
        .isThrownBy(() -> new NewMessage(ID, null, ALICE, BODY, null, null, POSTED_AT));
    assertThatNullPointerException()
        .isThrownBy(() -> new NewMessage(null, GENERAL, ALICE, BODY, null, null, POSTED_AT));
    assertThatNullPointerException()
        .isThrownBy(() -> new NewMessage(ID, GENERAL, ALICE, BODY, null, null, null));
  }
}
