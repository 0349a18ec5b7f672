package dev.parley.testkit.usecase;

import static dev.parley.testkit.usecase.UseCaseSteps.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.in.ArchiveRoomCommand;
import dev.parley.application.port.in.CreateRoomCommand;
import dev.parley.application.port.in.ListPublicRoomsQuery;
import dev.parley.application.port.in.OpenDirectRoomCommand;
import dev.parley.application.port.in.Page;
import dev.parley.application.port.in.RoomSummary;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.room.RoomType;
import dev.parley.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public room directory: public, unarchived rooms by name prefix, for anyone signed in. */
class RoomDirectoryTest {
  private final ChatScenario s = new ChatScenario();

  private RoomId create(UserId owner, String name, RoomType type) {
    return s.chat
        .createRoom()
        .createRoom(new CreateRoomCommand(owner, name, null, type, null, null))
        .room()
        .id();
  }

  private Page<RoomSummary> search(UserId user, String prefix, String cursor, Integer limit) {
    return s.chat
        .listPublicRooms()
        .listPublicRooms(new ListPublicRoomsQuery(user, prefix, cursor, limit));
  }

  private static List<String> names(Page<RoomSummary> page) {
    return page.items().stream().map(r -> r.room().name()).toList();
  }

  @Test
  void anyoneFindsPublicRoomsByNamePrefixInAnyCase() {
    create(s.alice, "Java Beginners", RoomType.PUBLIC);
    create(s.bob, "javascript", RoomType.PUBLIC);
    create(s.alice, "Java insiders", RoomType.PRIVATE);
    create(s.alice, "Kotlin", RoomType.PUBLIC);
    s.chat.openDirectRoom().openDirectRoom(new OpenDirectRoomCommand(s.alice, "javabob"));

    assertThat(names(search(s.mallory, "JAVA", null, null)))
        .containsExactly("Java Beginners", "javascript");
    assertThat(names(search(s.mallory, "java ", null, null))).containsExactly("Java Beginners");
    assertThat(names(search(s.mallory, null, null, null)))
        .containsExactly("Java Beginners", "javascript", "Kotlin");
    assertThat(search(s.mallory, "java", null, null).items())
        .allSatisfy(r -> assertThat(r.yourRole()).isNull());
  }

  @Test
  void archivedRoomsLeaveTheDirectory() {
    RoomId room = create(s.alice, "retired", RoomType.PUBLIC);
    s.chat.archiveRoom().archiveRoom(new ArchiveRoomCommand(s.alice, room.value()));

    assertThat(search(s.bob, "ret", null, null).items()).isEmpty();
  }

  @Test
  void theDirectoryIsPagedWithACursorBoundToThePrefix() {
    for (int i = 0; i < 5; i++) {
      create(s.alice, "team " + i, RoomType.PUBLIC);
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Page<RoomSummary> page = search(s.bob, "Team", cursor, 2);
      seen.addAll(names(page));
      cursor = page.nextCursor();
      pages++;
    } while (cursor != null && pages < 10);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly("team 0", "team 1", "team 2", "team 3", "team 4");
    String second = search(s.bob, "team", null, 2).nextCursor();
    assertThat(invalidFields(() -> search(s.bob, "tea", second, 2))).containsExactly("cursor");
    assertThat(invalidFields(() -> search(s.bob, "team", "bogus", 2))).containsExactly("cursor");
  }

  @Test
  void aBadPrefixOrLimitIsInvalidInput() {
    assertThat(invalidFields(() -> search(s.bob, "tab\there", null, null)))
        .containsExactly("prefix");
    assertThat(invalidFields(() -> search(s.bob, "x".repeat(101), null, null)))
        .containsExactly("prefix");
    assertThat(invalidFields(() -> search(s.bob, "a", null, 0))).containsExactly("limit");
  }
}
