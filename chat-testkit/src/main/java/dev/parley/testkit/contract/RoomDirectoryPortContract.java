package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.Instants.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.RoomDirectoryPort;
import dev.parley.application.port.out.RoomDirectoryPort.Position;
import dev.parley.application.port.out.RoomStorePort;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.room.RoomSettings;
import dev.parley.domain.room.RoomType;
import dev.parley.testkit.fixture.Ids;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RoomDirectoryPort}. The directory is shared by the whole store, so every
 * test searches under a prefix of its own.
 */
public abstract class RoomDirectoryPortContract {

  /** The port under test. */
  protected abstract RoomDirectoryPort directory();

  /** Saves the rooms; the same store as {@link #directory()}. */
  protected abstract RoomStorePort rooms();

  private Room open(String name, RoomType type) {
    Room room = Room.open(Ids.room(), name, "", type, Ids.user(), T0, RoomSettings.DEFAULTS);
    rooms().save(room);
    return room;
  }

  private List<String> names(String prefix, Position after, int limit) {
    return directory().publicRooms(RoomDirectoryPort.key(prefix), after, limit).stream()
        .map(Room::name)
        .toList();
  }

  private static String unique() {
    return Ids.unique("dir").toLowerCase(Locale.ROOT).replace("-", "");
  }

  @Test
  public void publicRoomsComeByNameUnderThePrefixIgnoringCase() {
    String p = unique();
    open(p + " Zebra", RoomType.PUBLIC);
    open(p.toUpperCase(Locale.ROOT) + " apple", RoomType.PUBLIC);
    open(p + " Mango", RoomType.PUBLIC);
    open(p + " hidden", RoomType.PRIVATE);
    open("other " + p, RoomType.PUBLIC);

    assertThat(names(p, null, 10))
        .containsExactly(p.toUpperCase(Locale.ROOT) + " apple", p + " Mango", p + " Zebra");
    assertThat(names(p + " m", null, 10)).containsExactly(p + " Mango");
    assertThat(names(p + " q", null, 10)).isEmpty();
  }

  @Test
  public void pagesStartAfterThePositionAndEqualNamesGoByRoomId() {
    String p = unique();
    Room a = open(p + " same", RoomType.PUBLIC);
    Room b = open(p + " Same", RoomType.PUBLIC);
    open(p + " tail", RoomType.PUBLIC);
    List<RoomId> sameOrder =
        List.of(a.id(), b.id()).stream().sorted(Comparator.comparing(RoomId::value)).toList();

    List<Room> first = directory().publicRooms(RoomDirectoryPort.key(p), null, 2);
    assertThat(first).extracting(Room::id).containsExactlyElementsOf(sameOrder);
    Room last = first.get(1);
    Position after = new Position(RoomDirectoryPort.key(last.name()), last.id());

    assertThat(names(p, after, 2)).containsExactly(p + " tail");
    assertThat(directory().publicRooms(p, null, 0)).isEmpty();
  }

  @Test
  public void archivingRenamingAndReopeningKeepTheDirectoryInStep() {
    String p = unique();
    Room room = open(p + " old name", RoomType.PUBLIC);
    Room other = open(p + " other", RoomType.PUBLIC);

    rooms().save(room.withDetails(p + " new name", null));
    assertThat(names(p, null, 10)).containsExactly(p + " new name", p + " other");

    rooms().save(other.archive());
    assertThat(names(p, null, 10)).containsExactly(p + " new name");

    rooms().save(other.withArchived(false));
    assertThat(names(p, null, 10)).containsExactly(p + " new name", p + " other");
  }

  @Test
  public void directRoomsAreNeverListed() {
    String p = unique();
    Room direct = Room.direct(Ids.room(), Ids.user(), Ids.user(), T0);
    rooms().saveDirectIfAbsent(direct);

    assertThat(directory().publicRooms(RoomDirectoryPort.key(direct.name()), null, 10)).isEmpty();
    assertThat(names(p, null, 10)).isEmpty();
  }

  @Test
  public void prefixCharactersThatAreWildcardsElsewhereMatchThemselves() {
    String p = unique();
    open(p + "%_\\ literal", RoomType.PUBLIC);
    open(p + "ab", RoomType.PUBLIC);
    open(p + " émile 🎉", RoomType.PUBLIC);

    assertThat(names(p + "%_\\", null, 10)).containsExactly(p + "%_\\ literal");
    assertThat(names(p + "_", null, 10)).isEmpty();
    assertThat(names(p + " É", null, 10)).containsExactly(p + " émile 🎉");
  }
}
