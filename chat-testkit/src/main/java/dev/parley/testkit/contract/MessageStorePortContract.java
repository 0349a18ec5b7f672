package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.Drafts.appended;
import static dev.parley.testkit.contract.Drafts.draft;
import static dev.parley.testkit.contract.Drafts.edit;
import static dev.parley.testkit.contract.Drafts.keyed;
import static dev.parley.testkit.contract.Drafts.reply;
import static dev.parley.testkit.contract.Instants.T0;
import static dev.parley.testkit.fixture.MessageBuilder.aMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.parley.application.port.out.AppendResult;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.domain.message.ChangeOutcome;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageChange;
import dev.parley.domain.message.NewMessage;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import dev.parley.testkit.fixture.Ids;
import dev.parley.testkit.fixture.MessageBuilder;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The contract of {@link MessageStorePort}: sequences, idempotency, replies, atomic changes. */
public abstract class MessageStorePortContract {

  /** The store under test. */
  protected abstract MessageStorePort messages();

  @Test
  public void firstMessageOfARoomGetsSequenceOneAndKeepsEveryField() {
    MessageStorePort store = messages();
    NewMessage draft =
        aMessage()
            .inRoom(Ids.room())
            .withText("héllo 👋🏽\n\twörld")
            .withClientMessageId("cm-1")
            .withCreatedAt(T0.plusMillis(42))
            .buildNew();

    AppendResult result = store.append(draft);

    Message expected = Message.fromDraft(draft, 1);
    assertThat(result).isEqualTo(new AppendResult.Appended(expected));
    assertThat(store.find(draft.roomId(), draft.id())).contains(expected);
  }

  @Test
  public void sequencesArePerRoom() {
    MessageStorePort store = messages();
    RoomId roomA = Ids.room();
    RoomId roomB = Ids.room();

    appended(store, draft(roomA));
    appended(store, draft(roomA));

    assertThat(appended(store, draft(roomB)).sequence()).isEqualTo(1);
    assertThat(appended(store, draft(roomA)).sequence()).isEqualTo(3);
  }

  @Test
  public void replayWithSameClientMessageIdReturnsOriginal() {
    MessageStorePort store = messages();
    RoomId room = Ids.room();
    UserId author = Ids.user();
    NewMessage original = keyed(room, author, "cm", "first");
    NewMessage retry = keyed(room, author, "cm", "retry");
    Message stored = appended(store, original);

    AppendResult result = store.append(retry);

    assertThat(result).isEqualTo(new AppendResult.Replayed(stored));
    assertThat(retry.id()).as("a retry names the original").isEqualTo(original.id());
    assertThat(store.find(room, retry.id())).contains(stored);
    assertThat(appended(store, draft(room)).sequence()).as("nothing stored").isEqualTo(2);
  }

  /** Every store matches any key validation lets through exactly; NUL never reaches a store. */
  @Test
  public void replayMatchesAKeyOfAnyVisibleCharactersExactly() {
    MessageStorePort store = messages();
    RoomId room = Ids.room();
    UserId author = Ids.user();
    String key = "retry 1 \u2013 \u7528\u6237 \uD83C\uDF89 \"q\" \\ ' % _";
    Message stored = appended(store, keyed(room, author, key, "first"));

    assertThat(store.append(keyed(room, author, key, "retry")))
        .isEqualTo(new AppendResult.Replayed(stored));
    assertThat(store.append(keyed(room, author, key + " ", "other key")))
        .isInstanceOf(AppendResult.Appended.class);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> keyed(room, author, "nul\u0000", "never stored"));
  }

  @Test
  public void replayReturnsTheOriginalAsCurrentlyStored() {
    MessageStorePort store = messages();
    RoomId room = Ids.room();
    UserId author = Ids.user();
    Message stored = appended(store, keyed(room, author, "cm"));
    store.change(room, stored.id(), edit("edited", 1));

    AppendResult replay = store.append(keyed(room, author, "cm"));

    assertThat(replay).isInstanceOf(AppendResult.Replayed.class);
    assertThat(replay.message()).isEqualTo(store.find(room, stored.id()).orElseThrow());
    assertThat(replay.message().body()).isEqualTo("edited");
  }

  @Test
  public void appendsWithoutClientMessageIdGetConsecutiveSequencesAndAreNeverReplayed() {
    MessageStorePort store = messages();
    RoomId room = Ids.room();
    UserId author = Ids.user();

    List<Long> sequences =
        LongStream.range(0, 5)
            .mapToObj(i -> appended(store, draft(room, author)).sequence())
            .toList();

    assertThat(sequences).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  public void clientMessageIdCountsOnlyForTheSameAuthorInTheSameRoom() {
    MessageStorePort store = messages();
    RoomId room = Ids.room();
    UserId author = Ids.user();
    appended(store, keyed(room, author, "cm"));

    Message otherAuthor = appended(store, keyed(room, Ids.user(), "cm"));
    Message otherRoom = appended(store, keyed(Ids.room(), author, "cm"));

    assertThat(otherAuthor.sequence()).isEqualTo(2);
    assertThat(otherRoom.sequence()).isEqualTo(1);
  }

  @Test
  public void unknownMessageOrMessageOfAnotherRoomIsNotFound() {
    MessageStorePort store = messages();
    RoomId room = Ids.room();
    Message message = appended(store, draft(room));

    assertThat(store.find(room, Ids.message())).isEmpty();
    assertThat(store.find(Ids.room(), message.id())).isEmpty();
  }

  @Test
  public void replyIncrementsItsParentsReplyCount() {
    MessageStorePort store = messages();
    RoomId room = Ids.room();
    Message parent = appended(store, draft(room));

    Message reply = appended(store, reply(room, parent.id()));
    appended(store, reply(room, parent.id()));

    assertThat(reply.parentId()).isEqualTo(parent.id());
    assertThat(reply.replyCount()).isZero();
    assertThat(store.find(room, parent.id()).orElseThrow().replyCount()).isEqualTo(2);
    assertThat(store.find(room, reply.id()).orElseThrow().replyCount()).isZero();
  }

  @Test
  public void replayedReplyIsNotCountedTwice() {
    MessageStorePort store = messages();
    RoomId room = Ids.room();
    UserId author = Ids.user();
    Message parent = appended(store, draft(room));

    MessageBuilder retried =
        aMessage().inRoom(room).withAuthor(author).inReplyTo(parent.id()).withClientMessageId("cm");

    for (int i = 0; i < 3; i++) {
      store.append(retried.withNewId().buildNew());
    }

    assertThat(store.find(room, parent.id()).orElseThrow().replyCount()).isEqualTo(1);
  }

  @Test
  public void editReplacesTheTextAndStampsTheEditTime() {
    MessageStorePort store = messages();
    Message message = appended(store, draft(Ids.room()));
    MessageChange fix = edit("fixed ✅", 5);

    var outcome = store.change(message.roomId(), message.id(), fix);

    Message expected = ((ChangeOutcome.Applied) message.apply(fix)).message();
    assertThat(outcome).contains(new ChangeOutcome.Applied(expected));
    assertThat(store.find(message.roomId(), message.id())).contains(expected);
  }

  @Test
  public void deleteLeavesATombstoneAtTheSameSequence() {
    MessageStorePort store = messages();
    RoomId room = Ids.room();
    appended(store, draft(room));
    Message message = appended(store, draft(room));

    store.change(room, message.id(), new MessageChange.Delete(T0.plusSeconds(9)));

    Message tombstone = store.find(room, message.id()).orElseThrow();
    assertThat(tombstone.deleted()).isTrue();
    assertThat(tombstone.body()).isNull();
    assertThat(tombstone.deletedAt()).isEqualTo(T0.plusSeconds(9));
    assertThat(tombstone.sequence()).isEqualTo(2);
  }

  @Test
  public void changeOfADeletedMessageIsRejectedAndStoresNothing() {
    MessageStorePort store = messages();
    Message message = appended(store, draft(Ids.room()));
    store.change(message.roomId(), message.id(), new MessageChange.Delete(T0.plusSeconds(1)));
    Message tombstone = store.find(message.roomId(), message.id()).orElseThrow();

    var edited = store.change(message.roomId(), message.id(), edit("zombie", 2));
    var pin = store.change(message.roomId(), message.id(), new MessageChange.Pin(true));

    ChangeOutcome rejected = new ChangeOutcome.Rejected(ChangeOutcome.Reason.DELETED);
    assertThat(edited).contains(rejected);
    assertThat(pin).contains(rejected);
    assertThat(store.find(message.roomId(), message.id())).contains(tombstone);
  }

  @Test
  public void pinAndUnpin() {
    MessageStorePort store = messages();
    Message message = appended(store, draft(Ids.room()));

    store.change(message.roomId(), message.id(), new MessageChange.Pin(true));
    boolean pinned = store.find(message.roomId(), message.id()).orElseThrow().pinned();
    store.change(message.roomId(), message.id(), new MessageChange.Pin(false));

    assertThat(pinned).isTrue();
    assertThat(store.find(message.roomId(), message.id())).as("unpinned").contains(message);
  }

  @Test
  public void changeOfAnUnknownMessageIsEmpty() {
    MessageStorePort store = messages();
    RoomId room = Ids.room();
    Message message = appended(store, draft(room));

    assertThat(store.change(room, Ids.message(), new MessageChange.Pin(true))).isEmpty();
    assertThat(store.change(Ids.room(), message.id(), new MessageChange.Pin(true))).isEmpty();
    assertThat(store.find(room, message.id())).contains(message);
  }

  @Test
  public void editOfAThreadRootKeepsItsReplyCountAndLaterRepliesKeepTheEdit() {
    MessageStorePort store = messages();
    RoomId room = Ids.room();
    Message parent = appended(store, draft(room));
    appended(store, reply(room, parent.id()));

    store.change(room, parent.id(), edit("edited", 1));
    appended(store, reply(room, parent.id()));

    Message found = store.find(room, parent.id()).orElseThrow();
    assertThat(found.replyCount()).isEqualTo(2);
    assertThat(found.body()).isEqualTo("edited");
  }

  @Test
  public void fiftyThreadsAppendingTwoHundredEachGetSequencesOneToTenThousand() {
    MessageStorePort store = messages();
    RoomId room = Ids.room();

    List<Long> sequences =
        Concurrently.repeat(50, 200, i -> appended(store, draft(room)).sequence());

    assertThat(sequences)
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 10_000).boxed().toList());
  }

  @Test
  public void fiftyThreadsAppendingWithOneClientMessageIdStoreExactlyOne() {
    MessageStorePort store = messages();
    RoomId room = Ids.room();
    UserId author = Ids.user();

    List<AppendResult> results =
        Concurrently.run(50, i -> store.append(keyed(room, author, "same", "attempt " + i)));

    Message stored = results.get(0).message();
    assertThat(results).filteredOn(r -> r instanceof AppendResult.Appended).hasSize(1);
    assertThat(results).allSatisfy(r -> assertThat(r.message()).isEqualTo(stored));
    assertThat(store.find(room, stored.id())).contains(stored);
    // A racer that loses may have used up a sequence (the port allows it); none is used twice.
    assertThat(stored.sequence()).isBetween(1L, 50L);
    assertThat(appended(store, draft(room)).sequence()).isBetween(stored.sequence() + 1, 51L);
  }

  @Test
  public void concurrentRepliesAndChangesLoseNoReplyAndNoChange() {
    MessageStorePort store = messages();
    RoomId room = Ids.room();
    Message parent = appended(store, draft(room));

    Concurrently.repeat(
        50,
        20,
        i -> {
          if (i % 2 == 0) {
            return store.append(reply(room, parent.id()));
          }
          MessageChange change = i == 999 ? edit("final", 1) : new MessageChange.Pin(i % 4 == 1);
          return store.change(room, parent.id(), change);
        });

    Message found = store.find(room, parent.id()).orElseThrow();
    assertThat(found.replyCount()).isEqualTo(500);
    assertThat(found.body()).isEqualTo("final");
  }
}
