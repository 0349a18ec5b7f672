package dev.parley.testkit.usecase;

import static dev.parley.testkit.usecase.UseCaseSteps.assertForbidden;
import static dev.parley.testkit.usecase.UseCaseSteps.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.application.port.in.ListMyRoomsQuery;
import dev.parley.application.port.in.OpenDirectRoomCommand;
import dev.parley.application.port.in.RoomSummary;
import dev.parley.application.port.in.UpdateRoomCommand;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.DirectKey;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.room.RoomType;
import dev.parley.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Direct rooms: one per pair of users, opened rather than created, and closed to management. */
class DirectRoomTest {
  private final ChatScenario s = new ChatScenario();
  private final UseCaseSteps step = new UseCaseSteps(s);

  private RoomSummary openDirect(UserId actor, UserId other) {
    return s.chat.openDirectRoom().openDirectRoom(new OpenDirectRoomCommand(actor, other.value()));
  }

  private List<RoomSummary> roomsOf(UserId user) {
    return s.chat.listMyRooms().listMyRooms(new ListMyRoomsQuery(user, null, 100)).items();
  }

  @Test
  void openingADirectRoomAgainInEitherOrderReturnsTheSameRoom() {
    RoomSummary first = openDirect(s.alice, s.bob);
    RoomSummary again = openDirect(s.alice, s.bob);
    RoomSummary reversed = openDirect(s.bob, s.alice);

    RoomId id = first.room().id();
    assertThat(again.room().id()).isEqualTo(id);
    assertThat(reversed.room().id()).isEqualTo(id);
    assertThat(first.room().type()).isEqualTo(RoomType.DIRECT);
    assertThat(first.room().directKey()).isEqualTo(DirectKey.of(s.bob, s.alice));
    assertThat(first.yourRole()).isEqualTo(Role.MEMBER);
    assertThat(reversed.yourRole()).isEqualTo(Role.MEMBER);
    assertThat(step.allMembers(id))
        .extracting(Membership::userId, Membership::role)
        .containsExactly(tuple(s.alice, Role.MEMBER), tuple(s.bob, Role.MEMBER));
    assertThat(roomsOf(s.bob)).extracting(r -> r.room().id()).containsExactly(id);
  }

  @Test
  void twentyThreadsOpeningTheSamePairConcurrentlyGetOneRoom() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<RoomId>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        UserId me = i % 2 == 0 ? s.alice : s.bob;
        UserId other = i % 2 == 0 ? s.bob : s.alice;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return openDirect(me, other).room().id();
                }));
      }
      start.countDown();
      List<RoomId> ids = new ArrayList<>();
      for (Future<RoomId> future : futures) {
        ids.add(future.get(30, TimeUnit.SECONDS));
      }

      assertThat(ids).hasSize(20).containsOnly(ids.get(0));
      assertThat(roomsOf(s.alice)).extracting(r -> r.room().id()).containsExactly(ids.get(0));
      assertThat(roomsOf(s.bob)).extracting(r -> r.room().id()).containsExactly(ids.get(0));
      assertThat(step.memberIds(ids.get(0))).containsExactlyInAnyOrder(s.alice, s.bob);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void directRoomWithYourselfIsInvalid() {
    assertThat(invalidFields(() -> openDirect(s.alice, s.alice))).containsExactly("userId");
    assertThat(roomsOf(s.alice)).isEmpty();
  }

  @Test
  void directRoomCannotBeRenamedAndBothMembersCanTalk() {
    RoomId room = openDirect(s.alice, s.bob).room().id();

    assertForbidden(
        () ->
            s.chat
                .updateRoom()
                .updateRoom(new UpdateRoomCommand(s.alice, room.value(), "ours", null, null, null)),
        DenialReason.DIRECT_ROOM);
    s.post(s.alice, room, "hi bob");
    s.post(s.bob, room, "hi alice");

    assertThat(step.getRoom(s.bob, room).unreadCount()).isEqualTo(1);
    UseCaseSteps.assertNotFound(() -> step.getRoom(s.carol, room));
  }
}
