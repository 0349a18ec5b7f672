package dev.parley.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.ReadStatePort;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import dev.parley.testkit.fixture.Ids;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The contract of {@link ReadStatePort}: a marker that only {@code reset} moves back. */
public abstract class ReadStatePortContract {

  /** The store under test. */
  protected abstract ReadStatePort readState();

  @Test
  public void memberWhoReadNothingIsAtZero() {
    assertThat(readState().lastRead(Ids.room(), Ids.user())).isZero();
  }

  @Test
  public void advanceMovesTheMarkerForwardAndReturnsIt() {
    ReadStatePort store = readState();
    RoomId room = Ids.room();
    UserId user = Ids.user();

    assertThat(store.advance(room, user, 3)).isEqualTo(3);
    assertThat(store.advance(room, user, 7)).isEqualTo(7);
    assertThat(store.lastRead(room, user)).isEqualTo(7);
  }

  @Test
  public void advanceNeverMovesBackAndReturnsTheCurrentMarker() {
    ReadStatePort store = readState();
    RoomId room = Ids.room();
    UserId user = Ids.user();
    store.advance(room, user, 10);

    assertThat(store.advance(room, user, 4)).isEqualTo(10);
    assertThat(store.advance(room, user, 10)).isEqualTo(10);
    assertThat(store.lastRead(room, user)).isEqualTo(10);
  }

  @Test
  public void resetMovesTheMarkerBack() {
    ReadStatePort store = readState();
    RoomId room = Ids.room();
    UserId user = Ids.user();
    store.advance(room, user, 10);

    store.reset(room, user, 4);

    assertThat(store.lastRead(room, user)).isEqualTo(4);
    assertThat(store.advance(room, user, 6)).isEqualTo(6);
  }

  @Test
  public void resetToZeroMarksEverythingUnread() {
    ReadStatePort store = readState();
    RoomId room = Ids.room();
    UserId user = Ids.user();
    store.advance(room, user, 5);

    store.reset(room, user, 0);

    assertThat(store.lastRead(room, user)).isZero();
  }

  @Test
  public void resetOfAMemberWhoReadNothingSetsTheMarker() {
    ReadStatePort store = readState();
    RoomId room = Ids.room();
    UserId user = Ids.user();

    store.reset(room, user, 8);

    assertThat(store.lastRead(room, user)).isEqualTo(8);
  }

  @Test
  public void markersArePerRoomAndUser() {
    ReadStatePort store = readState();
    RoomId room = Ids.room();
    UserId user = Ids.user();
    store.advance(room, user, 5);

    assertThat(store.lastRead(Ids.room(), user)).isZero();
    assertThat(store.lastRead(room, Ids.user())).isZero();
  }

  @Test
  public void concurrentAdvancesEndAtTheHighest() {
    ReadStatePort store = readState();
    RoomId room = Ids.room();
    UserId user = Ids.user();
    List<Long> targets = new ArrayList<>();
    for (long s = 1; s <= 50; s++) {
      targets.add(s * 3);
    }
    Collections.shuffle(targets, new Random(7));

    List<Long> returned = Concurrently.run(50, i -> store.advance(room, user, targets.get(i)));

    assertThat(store.lastRead(room, user)).isEqualTo(150);
    for (int i = 0; i < 50; i++) {
      assertThat(returned.get(i)).isGreaterThanOrEqualTo(targets.get(i)).isLessThanOrEqualTo(150);
    }
    assertThat(returned).contains(150L);
  }
}
