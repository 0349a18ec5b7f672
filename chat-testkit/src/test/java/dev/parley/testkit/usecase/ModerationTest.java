package dev.parley.testkit.usecase;

import static dev.parley.testkit.usecase.UseCaseSteps.assertForbidden;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.in.InviteMemberCommand;
import dev.parley.application.port.out.EventDeliveryPort.DisconnectReason;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.member.Ban;
import dev.parley.domain.member.Membership;
import dev.parley.domain.message.Message;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Kicks, bans and mutes: the moderation half of the membership scenarios. */
class ModerationTest {
  private final ChatScenario s = new ChatScenario();
  private final UseCaseSteps step = new UseCaseSteps(s);

  /** A public room of alice (owner) with carol as moderator and bob as member. */
  private RoomId moderatedRoom() {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.carol, Role.MODERATOR);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    return room;
  }

  private void invite(RoomId room) {
    s.chat
        .inviteMember()
        .inviteMember(new InviteMemberCommand(s.alice, room.value(), s.bob.value(), null));
  }

  @Test
  void moderatorKicksAMemberWhoseSubscribedConnectionsHearItAndAreClosed() {
    RoomId room = moderatedRoom();
    RoomId other = s.publicRoom(s.alice);
    ConnectionId alices = s.listen(s.alice, room);
    ConnectionId phone = s.listen(s.bob, room);
    ConnectionId laptop = s.listen(s.bob, room);
    ConnectionId elsewhere = s.listen(s.bob, other);

    step.kick(s.carol, room, s.bob);
    s.post(s.alice, room, "after the kick");

    for (ConnectionId connection : new ConnectionId[] {phone, laptop, alices}) {
      assertThat(s.eventsFor(connection, ChatEvent.MemberKicked.class))
          .singleElement()
          .satisfies(e -> assertThat(e.userId()).isEqualTo(s.bob))
          .satisfies(e -> assertThat(e.by()).isEqualTo(s.carol));
    }
    assertThat(s.chat.delivery().disconnects())
        .containsEntry(phone, DisconnectReason.KICKED)
        .containsEntry(laptop, DisconnectReason.KICKED)
        .doesNotContainKeys(elsewhere, alices);
    assertThat(s.eventsFor(phone, ChatEvent.MessagePosted.class)).isEmpty();
    assertThat(step.memberIds(room)).doesNotContain(s.bob);
    assertThat(step.getRoom(s.bob, room).yourRole()).isNull();
  }

  @Test
  void moderatorCannotKickAnAdminOrAnotherModerator() {
    RoomId room = moderatedRoom();
    s.member(s.alice, room, s.mallory, Role.ADMIN);
    s.member(s.alice, room, s.bob, Role.MODERATOR);

    assertForbidden(() -> step.kick(s.carol, room, s.mallory), DenialReason.TARGET_OUTRANKS);
    assertForbidden(() -> step.kick(s.carol, room, s.bob), DenialReason.TARGET_OUTRANKS);
    assertThat(step.memberIds(room)).contains(s.mallory, s.bob);
  }

  @Test
  void memberCannotKick() {
    RoomId room = moderatedRoom();
    s.member(s.alice, room, s.mallory, Role.GUEST);

    assertForbidden(() -> step.kick(s.bob, room, s.mallory), DenialReason.ROLE_TOO_LOW);
    assertThat(step.memberIds(room)).contains(s.mallory);
  }

  @Test
  void bannedUserCannotRejoinUntilBanExpires() {
    RoomId room = moderatedRoom();
    ConnectionId alices = s.listen(s.alice, room);
    ConnectionId bobs = s.listen(s.bob, room);
    Instant start = s.clock.now();

    Ban ban = step.ban(s.carol, room, s.bob, 3_600L);

    assertThat(ban.expiresAt()).isEqualTo(start.plusSeconds(3_600));
    assertThat(step.memberIds(room)).doesNotContain(s.bob);
    assertThat(s.chat.delivery().disconnects()).containsEntry(bobs, DisconnectReason.BANNED);
    assertThat(s.eventsFor(alices, ChatEvent.MemberBanned.class))
        .singleElement()
        .satisfies(e -> assertThat(e.userId()).isEqualTo(s.bob))
        .satisfies(e -> assertThat(e.expiresAt()).isEqualTo(ban.expiresAt()));
    assertForbidden(() -> step.join(s.bob, room), DenialReason.BANNED);
    assertForbidden(() -> invite(room), DenialReason.BANNED);
    assertForbidden(() -> step.getRoom(s.bob, room), DenialReason.BANNED);

    s.clock.advance(Duration.ofSeconds(3_599));
    assertForbidden(() -> step.join(s.bob, room), DenialReason.BANNED);

    s.clock.advance(Duration.ofSeconds(1));
    assertThat(step.join(s.bob, room).role()).isEqualTo(Role.MEMBER);
    assertThat(s.posted(s.bob, room, "I'm back").author()).isEqualTo(s.bob);
  }

  @Test
  void expiredBanNoLongerStopsAnInvite() {
    RoomId room = s.privateRoom(s.alice);
    step.ban(s.alice, room, s.bob, 60L);
    assertForbidden(() -> invite(room), DenialReason.BANNED);

    s.clock.advance(Duration.ofSeconds(60));
    invite(room);

    assertThat(step.memberIds(room)).contains(s.bob);
  }

  @Test
  void banWithoutDurationLastsUntilUnbanned() {
    RoomId room = moderatedRoom();
    Ban ban = step.ban(s.carol, room, s.bob, null);
    assertThat(ban.expiresAt()).isNull();

    s.clock.advance(Duration.ofDays(800));
    assertForbidden(() -> step.join(s.bob, room), DenialReason.BANNED);
    assertForbidden(() -> invite(room), DenialReason.BANNED);
    ConnectionId alices = s.listen(s.alice, room);

    step.unban(s.carol, room, s.bob);
    step.unban(s.carol, room, s.bob); // idempotent

    assertThat(step.join(s.bob, room).role()).isEqualTo(Role.MEMBER);
    assertThat(s.eventsFor(alices, ChatEvent.MemberUnbanned.class))
        .singleElement()
        .satisfies(e -> assertThat(e.userId()).isEqualTo(s.bob));
  }

  @Test
  void memberCannotBanOrUnban() {
    RoomId room = moderatedRoom();
    s.member(s.alice, room, s.mallory, Role.MEMBER);
    step.ban(s.carol, room, s.mallory, null);

    assertForbidden(() -> step.ban(s.bob, room, s.carol, null), DenialReason.ROLE_TOO_LOW);
    assertForbidden(() -> step.unban(s.bob, room, s.mallory), DenialReason.ROLE_TOO_LOW);
    assertForbidden(() -> step.join(s.mallory, room), DenialReason.BANNED);
  }

  @Test
  void mutedMemberCannotPostOrReactUntilTheMuteExpires() {
    RoomId room = moderatedRoom();
    Message message = s.posted(s.alice, room, "react to me");
    Membership muted = step.mute(s.carol, room, s.bob, 600L);
    assertThat(muted.mutedUntil()).isEqualTo(s.clock.now().plusSeconds(600));

    assertForbidden(() -> s.post(s.bob, room, "hello?"), DenialReason.MUTED);
    assertForbidden(() -> step.react(s.bob, room, message, "👍"), DenialReason.MUTED);
    // Reading and marking read stay open to a muted member.
    assertThat(step.history(s.bob, room).messages()).hasSize(1);
    assertThat(step.markRead(s.bob, room, 1).lastRead()).isEqualTo(1);

    s.clock.advance(Duration.ofSeconds(599));
    assertForbidden(() -> s.post(s.bob, room, "now?"), DenialReason.MUTED);

    s.clock.advance(Duration.ofSeconds(1));
    assertThat(s.posted(s.bob, room, "free again").author()).isEqualTo(s.bob);
    assertThat(step.react(s.bob, room, message, "👍").reactions()).hasSize(1);
  }

  @Test
  void unmuteLiftsAMuteWithoutExpiry() {
    RoomId room = moderatedRoom();
    ConnectionId before = s.listen(s.alice, room);
    step.mute(s.carol, room, s.bob, null);
    s.clock.advance(Duration.ofDays(400));
    assertForbidden(() -> s.post(s.bob, room, "still muted"), DenialReason.MUTED);
    ConnectionId after = s.listen(s.alice, room);

    Membership unmuted = step.unmute(s.carol, room, s.bob);

    assertThat(unmuted.mutedUntil()).isNull();
    assertThat(s.posted(s.bob, room, "thanks").author()).isEqualTo(s.bob);
    assertThat(s.eventsFor(before, ChatEvent.MemberMuted.class))
        .singleElement()
        .satisfies(e -> assertThat(e.until()).isEqualTo(Membership.INDEFINITELY));
    assertThat(s.eventsFor(after, ChatEvent.MemberMuted.class))
        .singleElement()
        .satisfies(e -> assertThat(e.until()).isNull());
  }

  @Test
  void mutedMemberMayLeaveTheRoom() {
    RoomId room = moderatedRoom();
    step.mute(s.carol, room, s.bob, null);
    ConnectionId alices = s.listen(s.alice, room);

    step.leave(s.bob, room);

    assertThat(step.memberIds(room)).doesNotContain(s.bob);
    assertThat(s.eventsFor(alices, ChatEvent.MemberLeft.class))
        .singleElement()
        .satisfies(e -> assertThat(e.userId()).isEqualTo(s.bob));
  }

  @Test
  void mutedMemberOfAPrivateRoomMayLeaveToo() {
    RoomId room = s.privateRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    step.mute(s.alice, room, s.bob, 3_600L);

    step.leave(s.bob, room);

    assertThat(step.memberIds(room)).containsExactly(s.alice);
  }

  @Test
  void moderatorCannotMuteAnEqualOrHigherRole() {
    RoomId room = moderatedRoom();
    s.member(s.alice, room, s.mallory, Role.MODERATOR);

    assertForbidden(() -> step.mute(s.carol, room, s.mallory, 60L), DenialReason.TARGET_OUTRANKS);
    assertForbidden(() -> step.mute(s.carol, room, s.alice, 60L), DenialReason.TARGET_OUTRANKS);
    assertForbidden(() -> step.mute(s.bob, room, s.mallory, 60L), DenialReason.ROLE_TOO_LOW);
    assertThat(s.posted(s.mallory, room, "not muted").author()).isEqualTo(s.mallory);
  }
}
