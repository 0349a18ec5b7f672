package dev.parley.domain.message;

import static dev.parley.domain.message.MessageFixtures.GENERAL;
import static dev.parley.domain.message.MessageFixtures.RANDOM;
import static dev.parley.domain.message.MessageFixtures.deleted;
import static dev.parley.domain.message.MessageFixtures.replyTo;
import static dev.parley.domain.message.MessageFixtures.topLevel;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Threads are one level deep, live, and stay in their room. */
class ThreadRulesTest {
  private final Message root = topLevel("root", GENERAL, 1);

  @Test
  void liveTopLevelMessageTakesReplies() {
    assertThat(ThreadRules.problemWithParent(root, GENERAL)).isEmpty();
  }

  @Test
  void rootWithRepliesStillTakesMore() {
    assertThat(ThreadRules.problemWithParent(root.withReplyAdded(), GENERAL)).isEmpty();
  }

  @Test
  void cannotReplyToAReply() {
    Message reply = replyTo(root, "reply", 2);
    assertThat(ThreadRules.problemWithParent(reply, GENERAL))
        .contains(ThreadRules.Problem.PARENT_IS_A_REPLY);
  }

  @Test
  void cannotReplyToADeletedMessage() {
    assertThat(ThreadRules.problemWithParent(deleted(root), GENERAL))
        .contains(ThreadRules.Problem.PARENT_DELETED);
  }

  @Test
  void cannotReplyAcrossRooms() {
    assertThat(ThreadRules.problemWithParent(root, RANDOM))
        .contains(ThreadRules.Problem.PARENT_IN_OTHER_ROOM);
  }

  @Test
  void otherRoomIsReportedFirst() {
    Message deletedReply = deleted(replyTo(root, "reply", 2));
    assertThat(ThreadRules.problemWithParent(deletedReply, RANDOM))
        .contains(ThreadRules.Problem.PARENT_IN_OTHER_ROOM);
  }

  @Test
  void deletedReplyIsReportedAsAReply() {
    Message deletedReply = deleted(replyTo(root, "reply", 2));
    assertThat(ThreadRules.problemWithParent(deletedReply, GENERAL))
        .contains(ThreadRules.Problem.PARENT_IS_A_REPLY);
  }
}
