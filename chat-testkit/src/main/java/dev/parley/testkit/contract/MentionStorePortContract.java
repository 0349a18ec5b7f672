package dev.parley.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.MentionStorePort;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import dev.parley.testkit.fixture.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link MentionStorePort}: per room and user, the set of sequences that mention
 * them, counted after a read marker; adding and removing are idempotent.
 */
public abstract class MentionStorePortContract {

  /** The store under test. */
  protected abstract MentionStorePort mentions();

  @Test
  public void userNeverMentionedCountsZero() {
    assertThat(mentions().countAfter(Ids.room(), Ids.user(), 0)).isZero();
  }

  @Test
  public void countsOnlyMentionsAfterTheMarker() {
    MentionStorePort store = mentions();
    RoomId room = Ids.room();
    UserId alice = Ids.user();
    store.add(room, 2, List.of(alice));
    store.add(room, 5, List.of(alice));
    store.add(room, 9, List.of(alice));

    assertThat(store.countAfter(room, alice, 0)).isEqualTo(3);
    assertThat(store.countAfter(room, alice, 2)).isEqualTo(2);
    assertThat(store.countAfter(room, alice, 8)).isEqualTo(1);
    assertThat(store.countAfter(room, alice, 9)).isZero();
  }

  @Test
  public void oneMessageMentionsSeveralUsers() {
    MentionStorePort store = mentions();
    RoomId room = Ids.room();
    UserId alice = Ids.user();
    UserId bob = Ids.user();

    store.add(room, 3, List.of(alice, bob));

    assertThat(store.countAfter(room, alice, 0)).isEqualTo(1);
    assertThat(store.countAfter(room, bob, 0)).isEqualTo(1);
  }

  @Test
  public void addingTheSameMentionTwiceCountsOnce() {
    MentionStorePort store = mentions();
    RoomId room = Ids.room();
    UserId alice = Ids.user();

    store.add(room, 4, List.of(alice));
    store.add(room, 4, List.of(alice, alice));

    assertThat(store.countAfter(room, alice, 0)).isEqualTo(1);
  }

  @Test
  public void removedMentionNoLongerCounts() {
    MentionStorePort store = mentions();
    RoomId room = Ids.room();
    UserId alice = Ids.user();
    UserId bob = Ids.user();
    store.add(room, 4, List.of(alice, bob));
    store.add(room, 6, List.of(alice));

    store.remove(room, 4, List.of(alice));

    assertThat(store.countAfter(room, alice, 0)).isEqualTo(1);
    assertThat(store.countAfter(room, bob, 0)).isEqualTo(1);
  }

  @Test
  public void removingWhatIsNotThereChangesNothing() {
    MentionStorePort store = mentions();
    RoomId room = Ids.room();
    UserId alice = Ids.user();
    store.add(room, 4, List.of(alice));

    store.remove(room, 5, List.of(alice));
    store.remove(room, 4, List.of(Ids.user()));
    store.remove(room, 4, List.of());
    store.remove(room, 4, List.of(alice));
    store.remove(room, 4, List.of(alice));

    assertThat(store.countAfter(room, alice, 0)).isZero();
  }

  @Test
  public void mentionsArePerRoomAndUser() {
    MentionStorePort store = mentions();
    RoomId room = Ids.room();
    UserId alice = Ids.user();
    store.add(room, 1, List.of(alice));

    assertThat(store.countAfter(Ids.room(), alice, 0)).isZero();
    assertThat(store.countAfter(room, Ids.user(), 0)).isZero();
  }

  @Test
  public void userWhoseIdStartsLikeAnotherCountsApart() {
    MentionStorePort store = mentions();
    RoomId room = Ids.room();
    UserId al = UserId.of("al" + Ids.user().value());
    UserId longer = UserId.of(al.value() + "ice");
    store.add(room, 1, List.of(longer));

    assertThat(store.countAfter(room, al, 0)).isZero();
    assertThat(store.countAfter(room, longer, 0)).isEqualTo(1);
  }

  @Test
  public void sequencesCountInNumericOrderNotTextOrder() {
    MentionStorePort store = mentions();
    RoomId room = Ids.room();
    UserId alice = Ids.user();
    store.add(room, 9, List.of(alice));
    store.add(room, 10, List.of(alice));
    store.add(room, 100, List.of(alice));

    assertThat(store.countAfter(room, alice, 9)).isEqualTo(2);
    assertThat(store.countAfter(room, alice, 10)).isEqualTo(1);
  }

  @Test
  public void addingMoreUsersThanOneBatchHoldsRecordsThemAll() {
    MentionStorePort store = mentions();
    RoomId room = Ids.room();
    List<UserId> users = new ArrayList<>();
    IntStream.range(0, 30).forEach(i -> users.add(Ids.user()));

    store.add(room, 7, users);

    for (UserId user : users) {
      assertThat(store.countAfter(room, user, 6)).isEqualTo(1);
    }
    store.remove(room, 7, users);
    for (UserId user : users) {
      assertThat(store.countAfter(room, user, 0)).isZero();
    }
  }
}
