package dev.parley.application.service;

import dev.parley.application.error.ForbiddenException;
import dev.parley.application.error.NotFoundException;
import dev.parley.application.port.out.BanStorePort;
import dev.parley.application.port.out.ClockPort;
import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.port.out.RoomStorePort;
import dev.parley.domain.access.Action;
import dev.parley.domain.access.Decision;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.member.Ban;
import dev.parley.domain.member.Membership;
import dev.parley.domain.permission.PermissionPolicy;
import dev.parley.domain.permission.PermissionRequest;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Loads a room for an actor and asks the permission policy. The one place that turns "the actor may
 * not see this room" into not-found (so ids do not leak) and a denial into forbidden.
 */
@Singleton
final class RoomAccess {
  private final RoomStorePort rooms;
  private final MembershipStorePort memberships;
  private final BanStorePort bans;
  private final ClockPort clock;

  @Inject
  RoomAccess(
      RoomStorePort rooms, MembershipStorePort memberships, BanStorePort bans, ClockPort clock) {
    this.rooms = rooms;
    this.memberships = memberships;
    this.bans = bans;
    this.clock = clock;
  }

  /**
   * Loads the room as {@code actor} sees it.
   *
   * @throws NotFoundException when the room does not exist or is hidden from the actor
   */
  RoomContext enter(UserId actor, RoomId roomId) {
    Room room = rooms.find(roomId).orElseThrow(() -> NotFoundException.room(roomId.value()));
    Membership membership = memberships.find(roomId, actor).orElse(null);
    if (membership == null && !room.visibleToNonMembers()) {
      throw NotFoundException.room(roomId.value());
    }
    // A ban removes the membership, so only non-members can carry one.
    Ban ban = membership == null ? bans.find(roomId, actor).orElse(null) : null;
    return new RoomContext(room, actor, membership, ban, clock.now());
  }

  /** Enters the room and checks an action without a target. */
  RoomContext enter(UserId actor, RoomId roomId, Action action) {
    RoomContext context = enter(actor, roomId);
    authorize(context, action);
    return context;
  }

  void authorize(RoomContext context, Action action) {
    check(request(context, action));
  }

  /** Checks an action on another user (or on their message), with their membership if any. */
  void authorize(RoomContext context, Action action, UserId target, Membership targetMembership) {
    check(request(context, action).on(target, targetMembership));
  }

  /** Checks a role change of {@code target} to {@code newRole}. */
  void authorizeRoleChange(
      RoomContext context, UserId target, Membership targetMembership, Role newRole) {
    check(request(context, Action.CHANGE_ROLE).on(target, targetMembership).granting(newRole));
  }

  private static PermissionRequest request(RoomContext context, Action action) {
    return PermissionRequest.of(
        context.room(),
        context.actor(),
        context.membership(),
        context.ban(),
        action,
        context.now());
  }

  private static void check(PermissionRequest request) {
    if (PermissionPolicy.decide(request) instanceof Decision.Denied denied) {
      throw new ForbiddenException(denied.reason());
    }
  }

  /**
   * The actor's membership; for actions only members have (read state), refused for the non-members
   * a public room lets read.
   */
  Membership requireOwnMembership(RoomContext context) {
    if (context.membership() == null) {
      throw new ForbiddenException(DenialReason.NOT_A_MEMBER);
    }
    return context.membership();
  }

  /** Requires a membership of {@code user}, or answers not-found for a member-level operation. */
  Membership requireMember(RoomId roomId, UserId user) {
    return memberships
        .find(roomId, user)
        .orElseThrow(() -> new NotFoundException(user + " is not a member of room " + roomId));
  }
}
