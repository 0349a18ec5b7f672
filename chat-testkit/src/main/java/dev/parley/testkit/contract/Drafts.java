package dev.parley.testkit.contract;

import static dev.parley.testkit.fixture.MessageBuilder.aMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.AppendResult;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageBody;
import dev.parley.domain.message.MessageChange;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.message.NewMessage;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import dev.parley.testkit.fixture.Ids;

/** Short names for the drafts and changes the message suites write. */
final class Drafts {
  private Drafts() {}

  /** Appends {@code draft}, checking that it was stored as a new message. */
  static Message appended(MessageStorePort store, NewMessage draft) {
    AppendResult result = store.append(draft);
    assertThat(result).as("append of a new draft").isInstanceOf(AppendResult.Appended.class);
    return result.message();
  }

  /** A top-level message by a random author. */
  static NewMessage draft(RoomId room) {
    return draft(room, Ids.user());
  }

  static NewMessage draft(RoomId room, UserId author) {
    return aMessage().inRoom(room).withAuthor(author).buildNew();
  }

  /** A post with an idempotency key; every call has a fresh message id. */
  static NewMessage keyed(RoomId room, UserId author, String clientMessageId, String text) {
    return aMessage()
        .inRoom(room)
        .withAuthor(author)
        .withText(text)
        .withClientMessageId(clientMessageId)
        .buildNew();
  }

  static NewMessage keyed(RoomId room, UserId author, String clientMessageId) {
    return keyed(room, author, clientMessageId, "hello");
  }

  /** A reply to {@code parent} by a random author. */
  static NewMessage reply(RoomId room, MessageId parent) {
    return aMessage().inRoom(room).inReplyTo(parent).buildNew();
  }

  /** An edit to {@code text} at {@code seconds} past {@link Instants#T0}. */
  static MessageChange edit(String text, long seconds) {
    return new MessageChange.Edit(MessageBody.of(text), Instants.plusSeconds(seconds));
  }
}
