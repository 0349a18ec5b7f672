package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.Instants.T0;
import static dev.parley.testkit.fixture.RoomBuilder.aRoom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.parley.application.port.out.RoomStorePort;
import dev.parley.domain.access.Action;
import dev.parley.domain.access.Role;
import dev.parley.domain.access.RolePermissions;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomSettings;
import dev.parley.domain.room.RoomType;
import dev.parley.domain.user.UserId;
import dev.parley.testkit.fixture.Ids;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The contract of {@link RoomStorePort}. */
public abstract class RoomStorePortContract {

  /** The store under test. */
  protected abstract RoomStorePort rooms();

  @Test
  public void unknownRoomIsNotFound() {
    assertThat(rooms().find(Ids.room())).isEmpty();
  }

  @Test
  public void savedRoomIsFoundWithEveryField() {
    RoomStorePort rooms = rooms();
    Room room =
        aRoom()
            .withType(RoomType.PRIVATE)
            .withName("Ünïcödé room 🎉")
            .withTopic("a topic\non two lines")
            .withCreatedAt(T0.plusMillis(123))
            .withSettings(new RoomSettings(500, 30, false, true))
            .withPermissions(
                RolePermissions.withOverrides(
                    Map.of(Action.POST, Role.MODERATOR, Action.PIN, Role.ADMIN)))
            .build();

    rooms.save(room);

    assertThat(rooms.find(room.id())).contains(room);
  }

  /**
   * Every store keeps exactly the characters validation lets through; what one store could not keep
   * (NUL on PostgreSQL) or nobody could see cannot even be put in a room, so no store receives it.
   */
  @Test
  public void namesAndTopicsKeepEveryVisibleCharacterExactly() {
    RoomStorePort rooms = rooms();
    String name = "Caf\u00E9 e\u0301 \u7528\u6237 \uD83D\uDC68\u200D\uD83D\uDC69 \"q\" \\ ' % _";
    Room room =
        aRoom().withName(name).withTopic(name + "\n\tsecond line \u0645\u06CC\u200C").build();

    rooms.save(room);

    assertThat(rooms.find(room.id())).contains(room);
    assertThatIllegalArgumentException().isThrownBy(() -> aRoom().withName("nul\u0000").build());
    assertThatIllegalArgumentException().isThrownBy(() -> aRoom().withTopic("nul\u0000").build());
  }

  @Test
  public void saveReplacesTheRoomWithTheSameId() {
    RoomStorePort rooms = rooms();
    Room room = aRoom().build();
    rooms.save(room);

    Room changed = room.withDetails("Renamed", "new topic").archive();
    rooms.save(changed);

    assertThat(rooms.find(room.id())).contains(changed);
  }

  @Test
  public void savingOneRoomLeavesOthersAlone() {
    RoomStorePort rooms = rooms();
    Room first = aRoom().withName("first").build();
    Room second = aRoom().withName("second").build();

    rooms.save(first);
    rooms.save(second);

    assertThat(rooms.find(first.id())).contains(first);
    assertThat(rooms.find(second.id())).contains(second);
  }

  @Test
  public void firstDirectRoomOfAPairIsStoredAndReturned() {
    RoomStorePort rooms = rooms();
    Room direct = aRoom().withDirectPartner(Ids.user()).build();

    Room result = rooms.saveDirectIfAbsent(direct);

    assertThat(result).isEqualTo(direct);
    assertThat(rooms.find(direct.id())).contains(direct);
  }

  @Test
  public void secondDirectRoomOfAPairReturnsTheFirstWhicheverUserOpensIt() {
    RoomStorePort rooms = rooms();
    UserId alice = Ids.user();
    UserId bob = Ids.user();
    Room first = Room.direct(Ids.room(), alice, bob, T0);
    rooms.saveDirectIfAbsent(first);

    Room again = rooms.saveDirectIfAbsent(Room.direct(Ids.room(), alice, bob, T0.plusSeconds(1)));
    Room reversed = Room.direct(Ids.room(), bob, alice, T0.plusSeconds(2));
    Room fromBob = rooms.saveDirectIfAbsent(reversed);

    assertThat(again).isEqualTo(first);
    assertThat(fromBob).isEqualTo(first);
    assertThat(rooms.find(reversed.id())).isEmpty();
  }

  @Test
  public void directRoomsOfDifferentPairsAreKeptApart() {
    RoomStorePort rooms = rooms();
    UserId alice = Ids.user();
    Room withBob = Room.direct(Ids.room(), alice, Ids.user(), T0);
    Room withCarol = Room.direct(Ids.room(), alice, Ids.user(), T0);

    assertThat(rooms.saveDirectIfAbsent(withBob)).isEqualTo(withBob);
    assertThat(rooms.saveDirectIfAbsent(withCarol)).isEqualTo(withCarol);
  }

  @Test
  public void existingDirectRoomIsReturnedAsCurrentlyStored() {
    RoomStorePort rooms = rooms();
    UserId alice = Ids.user();
    UserId bob = Ids.user();
    Room first = rooms.saveDirectIfAbsent(Room.direct(Ids.room(), alice, bob, T0));
    Room archived = first.archive();
    rooms.save(archived);

    Room result = rooms.saveDirectIfAbsent(Room.direct(Ids.room(), bob, alice, T0));

    assertThat(result).isEqualTo(archived);
  }

  @Test
  public void fiftyConcurrentOpeningsOfOnePairStoreOneRoom() {
    RoomStorePort rooms = rooms();
    UserId alice = Ids.user();
    UserId bob = Ids.user();
    List<Room> candidates =
        IntStream.range(0, 50)
            .mapToObj(
                i ->
                    i % 2 == 0
                        ? Room.direct(Ids.room(), alice, bob, T0)
                        : Room.direct(Ids.room(), bob, alice, T0))
            .toList();

    List<Room> results = Concurrently.run(50, i -> rooms.saveDirectIfAbsent(candidates.get(i)));

    Room winner = results.get(0);
    assertThat(results).allSatisfy(room -> assertThat(room).isEqualTo(winner));
    assertThat(candidates).contains(winner);
    assertThat(candidates.stream().filter(room -> rooms.find(room.id()).isPresent()))
        .containsExactly(winner);
  }
}
