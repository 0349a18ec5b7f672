package dev.parley.protocol.rest;

import dev.parley.application.port.in.BanMemberCommand;
import dev.parley.application.port.in.BanMemberUseCase;
import dev.parley.application.port.in.ChangeRoleCommand;
import dev.parley.application.port.in.ChangeRoleUseCase;
import dev.parley.application.port.in.InviteMemberCommand;
import dev.parley.application.port.in.InviteMemberUseCase;
import dev.parley.application.port.in.JoinRoomCommand;
import dev.parley.application.port.in.JoinRoomUseCase;
import dev.parley.application.port.in.KickMemberCommand;
import dev.parley.application.port.in.KickMemberUseCase;
import dev.parley.application.port.in.LeaveRoomCommand;
import dev.parley.application.port.in.LeaveRoomUseCase;
import dev.parley.application.port.in.ListMembersQuery;
import dev.parley.application.port.in.ListMembersUseCase;
import dev.parley.application.port.in.MuteMemberCommand;
import dev.parley.application.port.in.MuteMemberUseCase;
import dev.parley.application.port.in.UnbanMemberCommand;
import dev.parley.application.port.in.UnbanMemberUseCase;
import dev.parley.application.port.in.UnmuteMemberCommand;
import dev.parley.application.port.in.UnmuteMemberUseCase;
import dev.parley.protocol.http.ApiResponse;
import dev.parley.protocol.json.BanJson;
import dev.parley.protocol.json.MemberJson;
import dev.parley.protocol.json.PageJson;
import jakarta.inject.Inject;
import java.util.List;

/** Membership and moderation: members, roles, bans, mutes. */
public final class MemberRoutes {
  private final ListMembersUseCase listMembers;
  private final InviteMemberUseCase inviteMember;
  private final JoinRoomUseCase joinRoom;
  private final LeaveRoomUseCase leaveRoom;
  private final KickMemberUseCase kickMember;
  private final ChangeRoleUseCase changeRole;
  private final BanMemberUseCase banMember;
  private final UnbanMemberUseCase unbanMember;
  private final MuteMemberUseCase muteMember;
  private final UnmuteMemberUseCase unmuteMember;

  @Inject
  public MemberRoutes(
      ListMembersUseCase listMembers,
      InviteMemberUseCase inviteMember,
      JoinRoomUseCase joinRoom,
      LeaveRoomUseCase leaveRoom,
      KickMemberUseCase kickMember,
      ChangeRoleUseCase changeRole,
      BanMemberUseCase banMember,
      UnbanMemberUseCase unbanMember,
      MuteMemberUseCase muteMember,
      UnmuteMemberUseCase unmuteMember) {
    this.listMembers = listMembers;
    this.inviteMember = inviteMember;
    this.joinRoom = joinRoom;
    this.leaveRoom = leaveRoom;
    this.kickMember = kickMember;
    this.changeRole = changeRole;
    this.banMember = banMember;
    this.unbanMember = unbanMember;
    this.muteMember = muteMember;
    this.unmuteMember = unmuteMember;
  }

  public List<Route> routes() {
    return List.of(
        Route.of("GET", "/rooms/{roomId}/members", this::list),
        Route.of("POST", "/rooms/{roomId}/members", this::add),
        Route.of("DELETE", "/rooms/{roomId}/members/{userId}", this::remove),
        Route.of("PUT", "/rooms/{roomId}/members/{userId}/role", this::changeRole),
        Route.of("PUT", "/rooms/{roomId}/bans/{userId}", this::ban),
        Route.of("DELETE", "/rooms/{roomId}/bans/{userId}", this::unban),
        Route.of("PUT", "/rooms/{roomId}/mutes/{userId}", this::mute),
        Route.of("DELETE", "/rooms/{roomId}/mutes/{userId}", this::unmute));
  }

  private ApiResponse list(Call call) {
    return Responses.ok(
        PageJson.of(
            listMembers.listMembers(
                new ListMembersQuery(
                    call.user(),
                    call.path("roomId"),
                    call.query("cursor"),
                    call.queryInt("limit"))),
            MemberJson::of));
  }

  /** Invites someone, or joins a public room when no one else is named. */
  private ApiResponse add(Call call) {
    Requests.AddMember body = call.optionalBody(Requests.AddMember.class);
    String roomId = call.path("roomId");
    boolean self =
        body == null || body.userId() == null || body.userId().equals(call.user().value());
    if (self && (body == null || body.role() == null)) {
      return Responses.okMetered(
          () -> joinRoom.joinRoom(new JoinRoomCommand(call.user(), roomId)), MemberJson::of);
    }
    return Responses.okMetered(
        () ->
            inviteMember.inviteMember(
                new InviteMemberCommand(call.user(), roomId, body.userId(), body.role())),
        MemberJson::of);
  }

  /** Leaves when the caller removes themselves, kicks otherwise. */
  private ApiResponse remove(Call call) {
    String roomId = call.path("roomId");
    String userId = call.path("userId");
    if (userId.equals(call.user().value())) {
      leaveRoom.leaveRoom(new LeaveRoomCommand(call.user(), roomId));
    } else {
      kickMember.kickMember(new KickMemberCommand(call.user(), roomId, userId));
    }
    return Responses.noContent();
  }

  private ApiResponse changeRole(Call call) {
    Requests.ChangeRole body = call.body(Requests.ChangeRole.class);
    return Responses.ok(
        MemberJson.of(
            changeRole.changeRole(
                new ChangeRoleCommand(
                    call.user(), call.path("roomId"), call.path("userId"), body.role()))));
  }

  private ApiResponse ban(Call call) {
    Requests.Ban body = call.optionalBody(Requests.Ban.class);
    return Responses.ok(
        BanJson.of(
            banMember.banMember(
                new BanMemberCommand(
                    call.user(),
                    call.path("roomId"),
                    call.path("userId"),
                    body == null ? null : body.durationSeconds(),
                    body == null ? null : body.reason()))));
  }

  private ApiResponse unban(Call call) {
    unbanMember.unbanMember(
        new UnbanMemberCommand(call.user(), call.path("roomId"), call.path("userId")));
    return Responses.noContent();
  }

  private ApiResponse mute(Call call) {
    Requests.Mute body = call.optionalBody(Requests.Mute.class);
    return Responses.ok(
        MemberJson.of(
            muteMember.muteMember(
                new MuteMemberCommand(
                    call.user(),
                    call.path("roomId"),
                    call.path("userId"),
                    body == null ? null : body.durationSeconds()))));
  }

  private ApiResponse unmute(Call call) {
    return Responses.ok(
        MemberJson.of(
            unmuteMember.unmuteMember(
                new UnmuteMemberCommand(call.user(), call.path("roomId"), call.path("userId")))));
  }
}
