package dev.parley.testkit.usecase;

import static dev.parley.testkit.usecase.UseCaseSteps.assertNotFound;
import static dev.parley.testkit.usecase.UseCaseSteps.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.application.error.NotFoundException;
import dev.parley.application.port.in.ListMembersQuery;
import dev.parley.application.port.in.ListMyRoomsQuery;
import dev.parley.application.port.in.Page;
import dev.parley.application.port.in.RoomSummary;
import dev.parley.domain.access.Role;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Who may see a room, and the caller's rooms page by page with their unread counts. */
class RoomListingTest {
  private final ChatScenario s = new ChatScenario();
  private final UseCaseSteps step = new UseCaseSteps(s);

  private Page<RoomSummary> myRooms(UserId user, String cursor, Integer limit) {
    return s.chat.listMyRooms().listMyRooms(new ListMyRoomsQuery(user, cursor, limit));
  }

  @Test
  void privateRoomIsNotFoundForANonMemberWhateverTheyTry() {
    RoomId room = s.privateRoom(s.alice);
    s.post(s.alice, room, "for members only");

    assertNotFound(() -> step.getRoom(s.mallory, room));
    assertNotFound(() -> step.history(s.mallory, room));
    assertNotFound(() -> s.post(s.mallory, room, "let me in"));
    assertNotFound(() -> step.join(s.mallory, room));
    assertThat(step.history(s.alice, room).messages()).hasSize(1);
  }

  @Test
  void hiddenRoomLooksExactlyLikeARoomThatDoesNotExist() {
    RoomId room = s.privateRoom(s.alice);
    RoomId missing = RoomId.of("no-such-room");

    NotFoundException hidden = catchNotFound(() -> step.getRoom(s.mallory, room));
    NotFoundException absent = catchNotFound(() -> step.getRoom(s.mallory, missing));

    assertThat(hidden.getMessage().replace(room.value(), "ID"))
        .isEqualTo(absent.getMessage().replace(missing.value(), "ID"));
  }

  @Test
  void myRoomsArePagedWithACursorUntilTheLastPage() {
    List<RoomId> created = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      created.add(i % 2 == 0 ? s.publicRoom(s.alice) : s.privateRoom(s.alice));
    }
    s.publicRoom(s.bob); // not alice's

    List<Page<RoomSummary>> pages = new ArrayList<>();
    String cursor = null;
    do {
      Page<RoomSummary> page = myRooms(s.alice, cursor, 3);
      pages.add(page);
      cursor = page.nextCursor();
    } while (cursor != null && pages.size() < 10);

    assertThat(pages).extracting(p -> p.items().size()).containsExactly(3, 3, 1);
    assertThat(pages.get(0).hasMore()).isTrue();
    assertThat(pages.get(1).hasMore()).isTrue();
    assertThat(pages.get(2).nextCursor()).isNull();
    List<String> ids =
        pages.stream().flatMap(p -> p.items().stream()).map(r -> r.room().id().value()).toList();
    assertThat(ids)
        .doesNotHaveDuplicates()
        .isSortedAccordingTo(Comparator.naturalOrder())
        .containsExactlyInAnyOrderElementsOf(created.stream().map(RoomId::value).toList());
    assertThat(pages.stream().flatMap(p -> p.items().stream()))
        .allSatisfy(r -> assertThat(r.yourRole()).isEqualTo(Role.OWNER));
  }

  @Test
  void exactlyFullLastPageEndsWithoutACursorOrAnEmptyPage() {
    for (int i = 0; i < 6; i++) {
      s.publicRoom(s.alice);
    }
    Page<RoomSummary> first = myRooms(s.alice, null, 3);
    Page<RoomSummary> second = myRooms(s.alice, first.nextCursor(), 3);

    assertThat(second.items()).hasSize(3);
    assertThat(second.nextCursor()).isNull();
  }

  @Test
  void myRoomsCarryUnreadCountsWithoutMyOwnMessages() {
    RoomId busy = s.publicRoom(s.alice);
    RoomId quiet = s.privateRoom(s.alice);
    RoomId read = s.publicRoom(s.alice);
    for (RoomId room : List.of(busy, quiet, read)) {
      s.member(s.alice, room, s.bob, Role.MEMBER);
    }
    s.post(s.bob, busy, "one");
    s.post(s.alice, busy, "mine");
    s.post(s.bob, busy, "two");
    s.post(s.bob, read, "seen");
    step.markRead(s.alice, read, 1);

    Map<RoomId, RoomSummary> byId =
        myRooms(s.alice, null, null).items().stream()
            .collect(Collectors.toMap(r -> r.room().id(), r -> r));

    assertThat(byId).containsOnlyKeys(busy, quiet, read);
    assertThat(byId.get(busy).unreadCount()).isEqualTo(2);
    assertThat(byId.get(busy).lastSequence()).isEqualTo(3);
    assertThat(byId.get(busy).lastRead()).isZero();
    assertThat(byId.get(quiet).unreadCount()).isZero();
    assertThat(byId.get(read).unreadCount()).isZero();
    assertThat(byId.get(read).lastRead()).isEqualTo(1);
    assertThat(myRooms(s.bob, null, null).items())
        .filteredOn(r -> r.room().id().equals(busy))
        .singleElement()
        .satisfies(r -> assertThat(r.unreadCount()).isEqualTo(1))
        .satisfies(r -> assertThat(r.yourRole()).isEqualTo(Role.MEMBER));
  }

  @Test
  void tamperedOrForeignCursorIsInvalidInputOnTheCursorField() {
    for (int i = 0; i < 3; i++) {
      s.publicRoom(s.alice);
      s.publicRoom(s.bob);
    }
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    s.member(s.alice, room, s.carol, Role.MEMBER);
    String bobsCursor = myRooms(s.bob, null, 1).nextCursor();
    String membersCursor =
        s.chat
            .listMembers()
            .listMembers(new ListMembersQuery(s.alice, room.value(), null, 1))
            .nextCursor();
    assertThat(bobsCursor).isNotNull();
    assertThat(membersCursor).isNotNull();

    for (String cursor : List.of("not a cursor!", "AAAA", bobsCursor, membersCursor)) {
      assertThat(invalidFields(() -> myRooms(s.alice, cursor, 2)))
          .as("cursor %s", cursor)
          .containsExactly("cursor");
    }
  }

  private static NotFoundException catchNotFound(ThrowingCallable call) {
    NotFoundException e = catchThrowableOfType(NotFoundException.class, call);
    assertThat(e).isNotNull();
    return e;
  }
}
