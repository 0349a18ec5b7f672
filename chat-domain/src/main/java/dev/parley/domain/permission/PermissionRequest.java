package dev.parley.domain.permission;

import dev.parley.domain.access.Action;
import dev.parley.domain.access.Role;
import dev.parley.domain.member.Ban;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.Room;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything the policy needs to answer "may {@code actor} do {@code action} in {@code room}?".
 *
 * @param membership the actor's membership, or null when the actor is not a member
 * @param ban the actor's ban in this room, or null; an expired ban is ignored
 * @param targetUser the member acted on (kick, ban, mute, role change) or the author of the message
 *     acted on (edit, delete); null when the action has no target
 * @param target the target's membership, or null when the target is not (or no longer) a member
 * @param newRole for {@link Action#CHANGE_ROLE}, the role to grant; null otherwise
 */
public record PermissionRequest(
    Room room,
    UserId actor,
    Membership membership,
    Ban ban,
    Action action,
    UserId targetUser,
    Membership target,
    Role newRole,
    Instant now) {

  public PermissionRequest {
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(now, "now");
  }

  /** A request for an action without a target. */
  public static PermissionRequest of(
      Room room, UserId actor, Membership membership, Ban ban, Action action, Instant now) {
    return new PermissionRequest(room, actor, membership, ban, action, null, null, null, now);
  }

  public PermissionRequest on(UserId targetUser, Membership target) {
    return new PermissionRequest(
        room, actor, membership, ban, action, targetUser, target, newRole, now);
  }

  public PermissionRequest granting(Role role) {
    return new PermissionRequest(
        room, actor, membership, ban, action, targetUser, target, role, now);
  }

  public boolean actorIsTarget() {
    return actor.equals(targetUser);
  }
}
