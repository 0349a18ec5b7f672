package dev.parley.testkit.usecase;

import static dev.parley.testkit.usecase.UseCaseSteps.assertForbidden;
import static dev.parley.testkit.usecase.UseCaseSteps.assertNotFound;
import static dev.parley.testkit.usecase.UseCaseSteps.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.application.port.in.InviteMemberCommand;
import dev.parley.application.port.in.ListMembersQuery;
import dev.parley.application.port.in.OpenDirectRoomCommand;
import dev.parley.application.port.in.Page;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.member.Membership;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inviting, joining, leaving, role changes and member lists. Moderation: {@link ModerationTest}.
 */
class MembershipTest {
  private final ChatScenario s = new ChatScenario();
  private final UseCaseSteps step = new UseCaseSteps(s);

  private Membership invite(UserId by, RoomId room, UserId user, Role role) {
    return s.chat
        .inviteMember()
        .inviteMember(new InviteMemberCommand(by, room.value(), user.value(), role));
  }

  @Test
  void inviteAddsAMemberOrAGuestAndAnnouncesThem() {
    RoomId room = s.privateRoom(s.alice);
    ConnectionId alices = s.listen(s.alice, room);

    Membership bob = invite(s.alice, room, s.bob, null);
    Membership carol = invite(s.alice, room, s.carol, Role.GUEST);

    assertThat(bob.role()).isEqualTo(Role.MEMBER);
    assertThat(bob.joinedAt()).isEqualTo(s.clock.now());
    assertThat(carol.role()).isEqualTo(Role.GUEST);
    assertThat(step.getRoom(s.carol, room).yourRole()).isEqualTo(Role.GUEST);
    assertThat(s.eventsFor(alices, ChatEvent.MemberJoined.class))
        .extracting(
            ChatEvent.MemberJoined::userId,
            ChatEvent.MemberJoined::role,
            ChatEvent.MemberJoined::invitedBy)
        .containsExactly(tuple(s.bob, Role.MEMBER, s.alice), tuple(s.carol, Role.GUEST, s.alice));
  }

  @Test
  void invitingWithARoleAboveMemberIsInvalidInput() {
    RoomId room = s.privateRoom(s.alice);
    for (Role role : List.of(Role.ADMIN, Role.MODERATOR, Role.OWNER)) {
      assertThat(invalidFields(() -> invite(s.alice, room, s.bob, role)))
          .as("invite as %s", role)
          .containsExactly("role");
    }
    assertThat(step.memberIds(room)).containsExactly(s.alice);
  }

  @Test
  void guestsAndNonMembersCannotInvite() {
    RoomId room = s.publicRoom(s.alice);
    s.invite(s.alice, room, s.bob, Role.GUEST);

    assertForbidden(() -> invite(s.bob, room, s.carol, null), DenialReason.ROLE_TOO_LOW);
    assertForbidden(() -> invite(s.mallory, room, s.carol, null), DenialReason.NOT_A_MEMBER);
    assertThat(step.memberIds(room)).containsExactlyInAnyOrder(s.alice, s.bob);
  }

  @Test
  void invitingAMemberAgainReturnsTheirMembershipUnchanged() {
    RoomId room = s.privateRoom(s.alice);
    ConnectionId alices = s.listen(s.alice, room);
    Membership first = invite(s.alice, room, s.bob, Role.MEMBER);
    step.changeRole(s.alice, room, s.bob, Role.MODERATOR);
    s.clock.advance(Duration.ofMinutes(1));

    Membership again = invite(s.alice, room, s.bob, Role.GUEST);

    assertThat(again.role()).isEqualTo(Role.MODERATOR);
    assertThat(again.joinedAt()).isEqualTo(first.joinedAt());
    assertThat(s.eventsFor(alices, ChatEvent.MemberJoined.class)).hasSize(1);
  }

  @Test
  void anyoneMayJoinAPublicRoomAsAMemberOnce() {
    RoomId room = s.publicRoom(s.alice);
    ConnectionId alices = s.listen(s.alice, room);

    Membership joined = step.join(s.mallory, room);
    Membership again = step.join(s.mallory, room);

    assertThat(joined.role()).isEqualTo(Role.MEMBER);
    assertThat(again).isEqualTo(joined);
    assertThat(step.getRoom(s.mallory, room).yourRole()).isEqualTo(Role.MEMBER);
    assertThat(s.eventsFor(alices, ChatEvent.MemberJoined.class))
        .singleElement()
        .satisfies(e -> assertThat(e.userId()).isEqualTo(s.mallory))
        .satisfies(e -> assertThat(e.invitedBy()).isNull());
  }

  @Test
  void joiningAPrivateRoomIsNotFound() {
    RoomId room = s.privateRoom(s.alice);
    assertNotFound(() -> step.join(s.mallory, room));
    assertThat(step.memberIds(room)).containsExactly(s.alice);
  }

  @Test
  void guestCanReadButNotPost() {
    RoomId room = s.privateRoom(s.alice);
    s.invite(s.alice, room, s.bob, Role.GUEST);
    s.post(s.alice, room, "welcome, guest");

    assertForbidden(() -> s.post(s.bob, room, "may I?"), DenialReason.ROLE_TOO_LOW);
    assertThat(step.history(s.bob, room).messages())
        .extracting(m -> m.message().body())
        .containsExactly("welcome, guest");
    assertThat(step.getRoom(s.bob, room).unreadCount()).isEqualTo(1);
    ConnectionId bobs = s.listen(s.bob, room);
    s.post(s.alice, room, "live");
    assertThat(s.eventsFor(bobs, ChatEvent.MessagePosted.class)).hasSize(1);
  }

  @Test
  void memberWhoLeavesIsGoneAndStopsReceivingTheRoom() {
    RoomId room = s.privateRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    ConnectionId alices = s.listen(s.alice, room);
    ConnectionId bobs = s.listen(s.bob, room);

    step.leave(s.bob, room);
    s.post(s.alice, room, "after bob left");

    assertThat(step.memberIds(room)).containsExactly(s.alice);
    assertThat(s.eventsFor(alices, ChatEvent.MemberLeft.class))
        .singleElement()
        .satisfies(e -> assertThat(e.userId()).isEqualTo(s.bob));
    assertThat(s.eventsFor(bobs, ChatEvent.MemberLeft.class)).hasSize(1);
    assertThat(s.eventsFor(bobs, ChatEvent.MessagePosted.class)).isEmpty();
    assertNotFound(() -> step.getRoom(s.bob, room));
  }

  @Test
  void lastOwnerCannotLeaveUntilAnotherOwnerIsPromoted() {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.ADMIN);

    assertForbidden(() -> step.leave(s.alice, room), DenialReason.LAST_OWNER);
    assertThat(step.memberIds(room)).contains(s.alice);

    step.changeRole(s.alice, room, s.bob, Role.OWNER);
    step.leave(s.alice, room);

    assertThat(step.allMembers(room))
        .extracting(Membership::userId, Membership::role)
        .containsExactly(tuple(s.bob, Role.OWNER));
  }

  @Test
  void ownerPromotesAndDemotesAndTheRoomHearsOfIt() {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    ConnectionId alices = s.listen(s.alice, room);

    assertThat(step.changeRole(s.alice, room, s.bob, Role.MODERATOR).role())
        .isEqualTo(Role.MODERATOR);
    assertThat(step.changeRole(s.alice, room, s.bob, Role.ADMIN).role()).isEqualTo(Role.ADMIN);
    assertThat(step.changeRole(s.alice, room, s.bob, Role.GUEST).role()).isEqualTo(Role.GUEST);

    assertThat(step.getRoom(s.bob, room).yourRole()).isEqualTo(Role.GUEST);
    assertThat(s.eventsFor(alices, ChatEvent.RoleChanged.class))
        .extracting(ChatEvent.RoleChanged::from, ChatEvent.RoleChanged::to)
        .containsExactly(
            tuple(Role.MEMBER, Role.MODERATOR),
            tuple(Role.MODERATOR, Role.ADMIN),
            tuple(Role.ADMIN, Role.GUEST));
  }

  @Test
  void adminCannotGrantOwnerNorActOnAnotherAdmin() {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.ADMIN);
    s.member(s.alice, room, s.carol, Role.MEMBER);
    s.member(s.alice, room, s.mallory, Role.ADMIN);

    assertForbidden(
        () -> step.changeRole(s.bob, room, s.carol, Role.OWNER), DenialReason.ROLE_TOO_HIGH);
    assertForbidden(
        () -> step.changeRole(s.bob, room, s.mallory, Role.MEMBER), DenialReason.TARGET_OUTRANKS);
    assertThat(step.changeRole(s.bob, room, s.carol, Role.ADMIN).role()).isEqualTo(Role.ADMIN);
    assertThat(step.getRoom(s.mallory, room).yourRole()).isEqualTo(Role.ADMIN);
  }

  @Test
  void memberCannotChangeRoles() {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    s.member(s.alice, room, s.carol, Role.GUEST);

    assertForbidden(
        () -> step.changeRole(s.bob, room, s.carol, Role.MEMBER), DenialReason.ROLE_TOO_LOW);
    assertThat(step.getRoom(s.carol, room).yourRole()).isEqualTo(Role.GUEST);
  }

  @Test
  void lastOwnerCannotStepDownButCanOnceThereIsAnother() {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);

    assertForbidden(
        () -> step.changeRole(s.alice, room, s.alice, Role.ADMIN), DenialReason.LAST_OWNER);
    assertThat(step.getRoom(s.alice, room).yourRole()).isEqualTo(Role.OWNER);

    step.changeRole(s.alice, room, s.bob, Role.OWNER);
    assertThat(step.changeRole(s.alice, room, s.alice, Role.ADMIN).role()).isEqualTo(Role.ADMIN);
    assertForbidden(
        () -> step.changeRole(s.bob, room, s.bob, Role.MEMBER), DenialReason.LAST_OWNER);
  }

  @Test
  void directRoomRefusesInviteKickAndLeave() {
    RoomId room =
        s.chat
            .openDirectRoom()
            .openDirectRoom(new OpenDirectRoomCommand(s.alice, s.bob.value()))
            .room()
            .id();

    assertForbidden(() -> invite(s.alice, room, s.carol, null), DenialReason.DIRECT_ROOM);
    assertForbidden(() -> step.kick(s.alice, room, s.bob), DenialReason.DIRECT_ROOM);
    assertForbidden(() -> step.leave(s.alice, room), DenialReason.DIRECT_ROOM);
    assertThat(step.memberIds(room)).containsExactlyInAnyOrder(s.alice, s.bob);
  }

  @Test
  void membersArePagedByUserIdWithACursor() {
    RoomId room = s.publicRoom(s.alice);
    List<UserId> expected = new ArrayList<>(List.of(s.alice));
    for (String name : List.of("zoe", "dave", "bob", "erin", "carol", "frank")) {
      UserId user = UserId.of(name);
      s.invite(s.alice, room, user, Role.MEMBER);
      expected.add(user);
    }

    List<Page<Membership>> pages = new ArrayList<>();
    String cursor = null;
    do {
      Page<Membership> page =
          s.chat
              .listMembers()
              .listMembers(new ListMembersQuery(s.mallory, room.value(), cursor, 3));
      pages.add(page);
      cursor = page.nextCursor();
    } while (cursor != null && pages.size() < 10);

    assertThat(pages).extracting(p -> p.items().size()).containsExactly(3, 3, 1);
    List<UserId> listed =
        pages.stream().flatMap(p -> p.items().stream()).map(Membership::userId).toList();
    assertThat(listed)
        .doesNotHaveDuplicates()
        .isSortedAccordingTo(Comparator.naturalOrder())
        .containsExactlyInAnyOrderElementsOf(expected);
  }
}
