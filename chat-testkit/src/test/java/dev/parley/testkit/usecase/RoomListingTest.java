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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
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

  private List<RoomId> myRoomIds(UserId user, int pageSize) {
    List<RoomId> ids = new ArrayList<>();
    String cursor = null;
    do {
      Page<RoomSummary> page = myRooms(user, cursor, pageSize);
      page.items().forEach(r -> ids.add(r.room().id()));
      cursor = page.nextCursor();
    } while (cursor != null && ids.size() < 100);
    return ids;
  }

  @Test
  void myRoomsComeByLatestActivityNewestFirst() {
    RoomId first = s.publicRoom(s.alice);
    s.clock.advance(Duration.ofMinutes(1));
    RoomId second = s.privateRoom(s.alice);
    s.clock.advance(Duration.ofMinutes(1));
    RoomId third = s.publicRoom(s.alice);
    s.clock.advance(Duration.ofMinutes(1));

    assertThat(myRoomIds(s.alice, 10)).containsExactly(third, second, first);

    s.post(s.alice, first, "first is busy again");
    s.clock.advance(Duration.ofMinutes(1));
    s.member(s.alice, second, s.bob, Role.MEMBER);
    s.post(s.bob, second, "and now second");

    assertThat(myRoomIds(s.alice, 10)).containsExactly(second, first, third);
    assertThat(myRoomIds(s.alice, 1)).containsExactly(second, first, third);
  }

  @Test
  void aRoomWithoutMessagesCountsFromWhenIJoinedIt() {
    RoomId old = s.publicRoom(s.bob);
    s.clock.advance(Duration.ofMinutes(1));
    RoomId mine = s.publicRoom(s.alice);
    s.clock.advance(Duration.ofMinutes(1));
    step.join(s.alice, old);

    assertThat(myRoomIds(s.alice, 10)).containsExactly(old, mine);
  }

  @Test
  void cursorStaysStableWhileMessagesArrive() {
    List<RoomId> rooms = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rooms.add(s.publicRoom(s.alice));
      s.clock.advance(Duration.ofSeconds(1));
    }
    Page<RoomSummary> first = myRooms(s.alice, null, 2);
    assertThat(first.items())
        .extracting(r -> r.room().id())
        .containsExactly(rooms.get(4), rooms.get(3));

    // The page already shown and one not yet shown both become the most recent.
    s.post(s.alice, rooms.get(4), "shown, now newest");
    s.post(s.alice, rooms.get(1), "not shown yet, now newest");

    List<RoomId> rest = new ArrayList<>();
    String cursor = first.nextCursor();
    while (cursor != null) {
      Page<RoomSummary> page = myRooms(s.alice, cursor, 2);
      page.items().forEach(r -> rest.add(r.room().id()));
      cursor = page.nextCursor();
    }
    assertThat(rest).containsExactly(rooms.get(2), rooms.get(0));
  }

  @Test
  void roomsWithEqualActivityGoByRoomId() {
    List<RoomId> rooms = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      rooms.add(s.publicRoom(s.alice));
    }

    assertThat(myRoomIds(s.alice, 3))
        .containsExactlyElementsOf(
            rooms.stream().sorted(Comparator.comparing(RoomId::value)).toList());
  }

  @Test
  void aCursorOfAnotherUserOrWithAForgedPositionIsInvalid() {
    s.publicRoom(s.alice);
    s.publicRoom(s.alice);
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("c1\nMY_ROOMS\n" + s.alice.value() + "\nnot-a-time/x/room")
                    .getBytes(StandardCharsets.UTF_8));

    assertThat(invalidFields(() -> myRooms(s.alice, forged, 1))).containsExactly("cursor");
    assertThat(myRooms(s.alice, null, 1).nextCursor()).isNotNull();
  }

  private static NotFoundException catchNotFound(ThrowingCallable call) {
    NotFoundException e = catchThrowableOfType(NotFoundException.class, call);
    assertThat(e).isNotNull();
    return e;
  }
}
