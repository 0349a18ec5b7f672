package dev.parley.testkit.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.application.error.ForbiddenException;
import dev.parley.application.error.InvalidInputException;
import dev.parley.application.error.NotFoundException;
import dev.parley.application.error.Violation;
import dev.parley.application.port.in.AddReactionCommand;
import dev.parley.application.port.in.BanMemberCommand;
import dev.parley.application.port.in.ChangeRoleCommand;
import dev.parley.application.port.in.CloseConnectionCommand;
import dev.parley.application.port.in.DeleteMessageCommand;
import dev.parley.application.port.in.GetRoomPresenceQuery;
import dev.parley.application.port.in.GetRoomQuery;
import dev.parley.application.port.in.GetUnreadCountsQuery;
import dev.parley.application.port.in.HistoryPage;
import dev.parley.application.port.in.JoinRoomCommand;
import dev.parley.application.port.in.KickMemberCommand;
import dev.parley.application.port.in.LeaveRoomCommand;
import dev.parley.application.port.in.ListHistoryQuery;
import dev.parley.application.port.in.ListMembersQuery;
import dev.parley.application.port.in.MarkReadCommand;
import dev.parley.application.port.in.MarkUnreadCommand;
import dev.parley.application.port.in.MessageView;
import dev.parley.application.port.in.MuteMemberCommand;
import dev.parley.application.port.in.ReadMarker;
import dev.parley.application.port.in.RecordHeartbeatCommand;
import dev.parley.application.port.in.RemoveReactionCommand;
import dev.parley.application.port.in.RoomSettingsInput;
import dev.parley.application.port.in.RoomSummary;
import dev.parley.application.port.in.SendTypingCommand;
import dev.parley.application.port.in.TypingState;
import dev.parley.application.port.in.UnbanMemberCommand;
import dev.parley.application.port.in.UnmuteMemberCommand;
import dev.parley.application.port.in.UnreadCounts;
import dev.parley.application.port.in.UpdateRoomCommand;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.member.Ban;
import dev.parley.domain.member.Membership;
import dev.parley.domain.message.Message;
import dev.parley.domain.presence.Connection;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.presence.Presence;
import dev.parley.domain.presence.PresenceStatus;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * More shortcuts on top of {@link ChatScenario}: one method per use case call the scenario tests of
 * rooms, membership, reactions, read state and presence need, plus assertions for the refusals.
 */
final class UseCaseSteps {
  private final ChatScenario s;

  UseCaseSteps(ChatScenario s) {
    this.s = s;
  }

  // Rooms

  RoomSummary getRoom(UserId actor, RoomId room) {
    return s.chat.getRoom().getRoom(new GetRoomQuery(actor, room.value()));
  }

  HistoryPage history(UserId actor, RoomId room) {
    return s.chat
        .listHistory()
        .listHistory(new ListHistoryQuery(actor, room.value(), null, null, null, null, null));
  }

  RoomSummary updateSettings(UserId actor, RoomId room, RoomSettingsInput settings) {
    return s.chat
        .updateRoom()
        .updateRoom(new UpdateRoomCommand(actor, room.value(), null, null, settings, null));
  }

  // Membership

  Membership join(UserId actor, RoomId room) {
    return s.chat.joinRoom().joinRoom(new JoinRoomCommand(actor, room.value()));
  }

  void leave(UserId actor, RoomId room) {
    s.chat.leaveRoom().leaveRoom(new LeaveRoomCommand(actor, room.value()));
  }

  void kick(UserId actor, RoomId room, UserId target) {
    s.chat.kickMember().kickMember(new KickMemberCommand(actor, room.value(), target.value()));
  }

  Ban ban(UserId actor, RoomId room, UserId target, Long durationSeconds) {
    return s.chat
        .banMember()
        .banMember(
            new BanMemberCommand(actor, room.value(), target.value(), durationSeconds, "spam"));
  }

  void unban(UserId actor, RoomId room, UserId target) {
    s.chat.unbanMember().unbanMember(new UnbanMemberCommand(actor, room.value(), target.value()));
  }

  Membership mute(UserId actor, RoomId room, UserId target, Long durationSeconds) {
    return s.chat
        .muteMember()
        .muteMember(new MuteMemberCommand(actor, room.value(), target.value(), durationSeconds));
  }

  Membership unmute(UserId actor, RoomId room, UserId target) {
    return s.chat
        .unmuteMember()
        .unmuteMember(new UnmuteMemberCommand(actor, room.value(), target.value()));
  }

  Membership changeRole(UserId actor, RoomId room, UserId target, Role role) {
    return s.chat
        .changeRole()
        .changeRole(new ChangeRoleCommand(actor, room.value(), target.value(), role));
  }

  List<Membership> allMembers(RoomId room) {
    return s.chat
        .listMembers()
        .listMembers(new ListMembersQuery(s.alice, room.value(), null, 100))
        .items();
  }

  Set<UserId> memberIds(RoomId room) {
    return allMembers(room).stream().map(Membership::userId).collect(Collectors.toSet());
  }

  // Messages and reactions

  MessageView delete(UserId actor, RoomId room, Message message) {
    return s.chat
        .deleteMessage()
        .deleteMessage(new DeleteMessageCommand(actor, room.value(), message.id().value()));
  }

  MessageView react(UserId actor, RoomId room, Message message, String emoji) {
    return s.chat
        .addReaction()
        .addReaction(new AddReactionCommand(actor, room.value(), message.id().value(), emoji));
  }

  MessageView unreact(UserId actor, RoomId room, Message message, String emoji) {
    return s.chat
        .removeReaction()
        .removeReaction(
            new RemoveReactionCommand(actor, room.value(), message.id().value(), emoji));
  }

  // Read state

  ReadMarker markRead(UserId actor, RoomId room, long sequence) {
    return s.chat.markRead().markRead(new MarkReadCommand(actor, room.value(), sequence));
  }

  ReadMarker markUnread(UserId actor, RoomId room, long sequence) {
    return s.chat.markUnread().markUnread(new MarkUnreadCommand(actor, room.value(), sequence));
  }

  UnreadCounts unreadCounts(UserId actor) {
    return s.chat.getUnreadCounts().getUnreadCounts(new GetUnreadCountsQuery(actor));
  }

  // Presence and typing

  Connection heartbeat(UserId actor, ConnectionId connection, boolean active) {
    return s.chat
        .recordHeartbeat()
        .recordHeartbeat(new RecordHeartbeatCommand(actor, connection.value(), active));
  }

  void disconnect(ConnectionId connection) {
    s.chat.closeConnection().closeConnection(new CloseConnectionCommand(connection.value()));
  }

  List<Presence> presence(UserId actor, RoomId room) {
    return s.chat
        .getRoomPresence()
        .getRoomPresence(new GetRoomPresenceQuery(actor, room.value(), null, 100))
        .items();
  }

  PresenceStatus statusOf(UserId user, RoomId room) {
    return presence(s.alice, room).stream()
        .filter(p -> p.userId().equals(user))
        .map(Presence::status)
        .findFirst()
        .orElseThrow(() -> new AssertionError(user + " is not listed in " + room));
  }

  TypingState typing(UserId actor, RoomId room, boolean typing) {
    return s.chat.sendTyping().sendTyping(new SendTypingCommand(actor, room.value(), typing));
  }

  // Refusals

  static void assertForbidden(ThrowingCallable call, DenialReason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ForbiddenException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  static void assertNotFound(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(NotFoundException.class);
  }

  /** The fields named by the violations of the {@link InvalidInputException} the call throws. */
  static Set<String> invalidFields(ThrowingCallable call) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, call);
    assertThat(e).as("expected InvalidInputException").isNotNull();
    return e.violations().stream().map(Violation::field).collect(Collectors.toSet());
  }
}
