package dev.parley.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.ReactionStorePort;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.reaction.Emoji;
import dev.parley.domain.reaction.Reaction;
import dev.parley.domain.reaction.ReactionOutcome;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import dev.parley.testkit.fixture.Ids;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of {@link ReactionStorePort}. */
public abstract class ReactionStorePortContract {
  private static final Emoji THUMBS_UP = Emoji.of("👍🏽");
  private static final Emoji HEART = Emoji.of("❤️");
  private static final Emoji PARTY = Emoji.of("tada");
  private static final int MAX = Reaction.MAX_DISTINCT_PER_MESSAGE;

  /** The store under test. */
  protected abstract ReactionStorePort reactions();

  private static Emoji emoji(int n) {
    return Emoji.of(String.format("e%03d", n));
  }

  private static List<Reaction> reactionsOn(ReactionStorePort store, RoomId room, MessageId id) {
    return store.reactionsOf(room, List.of(id)).getOrDefault(id, List.of());
  }

  @Test
  public void firstReactionIsAdded() {
    ReactionStorePort store = reactions();
    RoomId room = Ids.room();
    MessageId message = Ids.message();
    UserId user = Ids.user();

    assertThat(store.add(room, message, THUMBS_UP, user)).isEqualTo(ReactionOutcome.ADDED);
    assertThat(reactionsOn(store, room, message))
        .containsExactly(new Reaction(THUMBS_UP, List.of(user)));
  }

  @Test
  public void addingTheSameReactionAgainChangesNothing() {
    ReactionStorePort store = reactions();
    RoomId room = Ids.room();
    MessageId message = Ids.message();
    UserId user = Ids.user();
    store.add(room, message, THUMBS_UP, user);

    assertThat(store.add(room, message, THUMBS_UP, user)).isEqualTo(ReactionOutcome.UNCHANGED);
    assertThat(reactionsOn(store, room, message))
        .containsExactly(new Reaction(THUMBS_UP, List.of(user)));
  }

  @Test
  public void removeIsRemovedOnceThenUnchanged() {
    ReactionStorePort store = reactions();
    RoomId room = Ids.room();
    MessageId message = Ids.message();
    UserId user = Ids.user();
    UserId other = Ids.user();
    store.add(room, message, HEART, user);
    store.add(room, message, HEART, other);

    assertThat(store.remove(room, message, HEART, user)).isEqualTo(ReactionOutcome.REMOVED);
    assertThat(store.remove(room, message, HEART, user)).isEqualTo(ReactionOutcome.UNCHANGED);
    assertThat(reactionsOn(store, room, message))
        .containsExactly(new Reaction(HEART, List.of(other)));
  }

  @Test
  public void removingAReactionThatWasNeverAddedChangesNothing() {
    ReactionStorePort store = reactions();
    RoomId room = Ids.room();
    MessageId message = Ids.message();
    store.add(room, message, HEART, Ids.user());

    assertThat(store.remove(room, message, HEART, Ids.user())).isEqualTo(ReactionOutcome.UNCHANGED);
    assertThat(store.remove(room, message, PARTY, Ids.user())).isEqualTo(ReactionOutcome.UNCHANGED);
    assertThat(store.remove(Ids.room(), Ids.message(), HEART, Ids.user()))
        .isEqualTo(ReactionOutcome.UNCHANGED);
  }

  @Test
  public void emojiAreListedInFirstUseOrderAndUsersInReactionOrder() {
    ReactionStorePort store = reactions();
    RoomId room = Ids.room();
    MessageId message = Ids.message();
    UserId ann = Ids.user();
    UserId ben = Ids.user();
    UserId cat = Ids.user();
    store.add(room, message, PARTY, ben);
    store.add(room, message, THUMBS_UP, cat);
    store.add(room, message, PARTY, cat);
    store.add(room, message, HEART, ann);
    store.add(room, message, PARTY, ann);
    store.add(room, message, THUMBS_UP, ann);

    assertThat(reactionsOn(store, room, message))
        .containsExactly(
            new Reaction(PARTY, List.of(ben, cat, ann)),
            new Reaction(THUMBS_UP, List.of(cat, ann)),
            new Reaction(HEART, List.of(ann)));
  }

  @Test
  public void reactionsOfManyMessagesLeaveOutMessagesWithoutReactions() {
    ReactionStorePort store = reactions();
    RoomId room = Ids.room();
    MessageId liked = Ids.message();
    MessageId loved = Ids.message();
    MessageId ignored = Ids.message();
    MessageId emptied = Ids.message();
    UserId user = Ids.user();
    store.add(room, liked, THUMBS_UP, user);
    store.add(room, loved, HEART, user);
    store.add(room, emptied, PARTY, user);
    store.remove(room, emptied, PARTY, user);

    Map<MessageId, List<Reaction>> found =
        store.reactionsOf(room, List.of(liked, loved, ignored, emptied));

    assertThat(found)
        .containsOnly(
            Map.entry(liked, List.of(new Reaction(THUMBS_UP, List.of(user)))),
            Map.entry(loved, List.of(new Reaction(HEART, List.of(user)))));
    assertThat(store.reactionsOf(room, List.of())).isEmpty();
  }

  @Test
  public void emojiWhoseLastUserLeftIsNoLongerListed() {
    ReactionStorePort store = reactions();
    RoomId room = Ids.room();
    MessageId message = Ids.message();
    UserId user = Ids.user();
    store.add(room, message, HEART, user);
    store.add(room, message, PARTY, user);

    store.remove(room, message, HEART, user);

    assertThat(reactionsOn(store, room, message))
        .containsExactly(new Reaction(PARTY, List.of(user)));
  }

  @Test
  public void reactionsArePerRoomAndMessage() {
    ReactionStorePort store = reactions();
    RoomId room = Ids.room();
    MessageId message = Ids.message();
    store.add(room, message, HEART, Ids.user());

    assertThat(store.reactionsOf(Ids.room(), List.of(message))).isEmpty();
    assertThat(store.reactionsOf(room, List.of(Ids.message()))).isEmpty();
  }

  @Test
  public void newEmojiBeyondTheLimitIsRefusedAndNotStored() {
    ReactionStorePort store = reactions();
    RoomId room = Ids.room();
    MessageId message = Ids.message();
    UserId user = Ids.user();
    for (int i = 0; i < MAX; i++) {
      assertThat(store.add(room, message, emoji(i), user)).isEqualTo(ReactionOutcome.ADDED);
    }

    ReactionOutcome outcome = store.add(room, message, HEART, Ids.user());

    assertThat(outcome).isEqualTo(ReactionOutcome.LIMIT_REACHED);
    assertThat(reactionsOn(store, room, message))
        .hasSize(MAX)
        .noneMatch(r -> r.emoji().equals(HEART));
  }

  @Test
  public void atTheLimitUsersMayStillJoinExistingEmoji() {
    ReactionStorePort store = reactions();
    RoomId room = Ids.room();
    MessageId message = Ids.message();
    UserId first = Ids.user();
    for (int i = 0; i < MAX; i++) {
      store.add(room, message, emoji(i), first);
    }

    assertThat(store.add(room, message, emoji(0), Ids.user())).isEqualTo(ReactionOutcome.ADDED);
    assertThat(store.add(room, message, emoji(0), first)).isEqualTo(ReactionOutcome.UNCHANGED);
  }

  @Test
  public void removingAnEmojiFromAFullMessageMakesRoomForAnother() {
    ReactionStorePort store = reactions();
    RoomId room = Ids.room();
    MessageId message = Ids.message();
    UserId user = Ids.user();
    for (int i = 0; i < MAX; i++) {
      store.add(room, message, emoji(i), user);
    }

    store.remove(room, message, emoji(3), user);

    assertThat(store.add(room, message, HEART, user)).isEqualTo(ReactionOutcome.ADDED);
    assertThat(reactionsOn(store, room, message)).hasSize(MAX);
  }

  @Test
  public void fiftyConcurrentNewEmojiAddExactlyTheLimit() {
    ReactionStorePort store = reactions();
    RoomId room = Ids.room();
    MessageId message = Ids.message();

    List<ReactionOutcome> outcomes =
        Concurrently.run(50, i -> store.add(room, message, emoji(i), Ids.user()));

    assertThat(outcomes).filteredOn(o -> o == ReactionOutcome.ADDED).hasSize(MAX);
    assertThat(outcomes).filteredOn(o -> o == ReactionOutcome.LIMIT_REACHED).hasSize(50 - MAX);
    assertThat(reactionsOn(store, room, message)).hasSize(MAX);
  }

  @Test
  public void emojiComingAndGoingConcurrentlyNeverExceedTheLimit() {
    ReactionStorePort store = reactions();
    RoomId room = Ids.room();
    MessageId message = Ids.message();

    List<Integer> largest =
        Concurrently.run(
            50,
            thread -> {
              UserId user = Ids.user();
              int seen = 0;
              for (int round = 0; round < 100; round++) {
                ReactionOutcome added = store.add(room, message, emoji(thread), user);
                seen = Math.max(seen, reactionsOn(store, room, message).size());
                ReactionOutcome removed = store.remove(room, message, emoji(thread), user);
                assertThat(removed)
                    .isEqualTo(
                        added == ReactionOutcome.ADDED
                            ? ReactionOutcome.REMOVED
                            : ReactionOutcome.UNCHANGED);
              }
              return seen;
            });

    assertThat(largest).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(MAX));
    assertThat(reactionsOn(store, room, message)).isEmpty();
  }

  @Test
  public void fiftyUsersReactingConcurrentlyAreAllCounted() {
    ReactionStorePort store = reactions();
    RoomId room = Ids.room();
    MessageId message = Ids.message();

    List<ReactionOutcome> outcomes =
        Concurrently.run(50, i -> store.add(room, message, THUMBS_UP, Ids.user()));

    assertThat(outcomes).containsOnly(ReactionOutcome.ADDED);
    assertThat(reactionsOn(store, room, message))
        .singleElement()
        .satisfies(r -> assertThat(r.count()).isEqualTo(50));
  }

  @Test
  public void oneUserAddingTheSameReactionFiftyTimesConcurrentlyAddsItOnce() {
    ReactionStorePort store = reactions();
    RoomId room = Ids.room();
    MessageId message = Ids.message();
    UserId user = Ids.user();

    List<ReactionOutcome> outcomes =
        Concurrently.run(50, i -> store.add(room, message, PARTY, user));

    assertThat(outcomes).containsOnlyOnce(ReactionOutcome.ADDED);
    assertThat(reactionsOn(store, room, message))
        .containsExactly(new Reaction(PARTY, List.of(user)));
  }
}
