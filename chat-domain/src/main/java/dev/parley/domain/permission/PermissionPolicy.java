package dev.parley.domain.permission;

import dev.parley.domain.access.Action;
import dev.parley.domain.access.Decision;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.RoomType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one place that answers "may user U do action A in room R?". The rules run in order and the
 * first denial wins, so the reason a user sees is the most fundamental one (a banned non-member
 * hears "banned", not "role too low").
 */
public final class PermissionPolicy {

  /** A user with an active ban may do nothing in the room, not even read it. */
  public static final PermissionRule NOT_BANNED =
      r ->
          r.ban() != null && r.ban().activeAt(r.now())
              ? Decision.deny(DenialReason.BANNED)
              : Decision.allow();

  /** Non-members may only read public rooms (unless the room restricts reading to members). */
  public static final PermissionRule MEMBERS_ONLY =
      r -> {
        if (r.membership() != null) {
          return Decision.allow();
        }
        // A public room that raises READ above guests is readable by members only.
        boolean readsPublicRoom =
            r.action() == Action.READ
                && r.room().visibleToNonMembers()
                && r.room().permissions().minimumRole(Action.READ) == Role.GUEST;
        return readsPublicRoom ? Decision.allow() : Decision.deny(DenialReason.NOT_A_MEMBER);
      };

  /** An archived room is read-only for everyone. */
  public static final PermissionRule ARCHIVED_ROOMS_ARE_READ_ONLY =
      r ->
          r.room().archived() && r.action().writes()
              ? Decision.deny(DenialReason.ROOM_ARCHIVED)
              : Decision.allow();

  private static final Set<Action> CLOSED_IN_DIRECT_ROOMS =
      EnumSet.of(
          Action.INVITE,
          Action.KICK,
          Action.BAN,
          Action.MUTE,
          Action.CHANGE_ROLE,
          Action.MANAGE_ROOM);

  /** A direct room keeps its two members and needs no managing. */
  public static final PermissionRule DIRECT_ROOMS_ARE_CLOSED =
      r ->
          r.room().type() == RoomType.DIRECT && CLOSED_IN_DIRECT_ROOMS.contains(r.action())
              ? Decision.deny(DenialReason.DIRECT_ROOM)
              : Decision.allow();

  /**
   * The actor's role must reach the room's minimum for the action. Stepping down to a lower role
   * needs no rank: anyone may give up power (the last owner is guarded elsewhere).
   */
  public static final PermissionRule ROLE_IS_HIGH_ENOUGH =
      r -> {
        Membership m = r.membership();
        if (m == null) {
          return Decision.allow(); // only public reads get here, see MEMBERS_ONLY
        }
        if (stepsDown(r)) {
          return Decision.allow();
        }
        boolean enough = m.role().atLeast(r.room().permissions().minimumRole(r.action()));
        return enough ? Decision.allow() : Decision.deny(DenialReason.ROLE_TOO_LOW);
      };

  /** A muted member may read, leave and mark read, but not speak. */
  public static final PermissionRule MUTED_MEMBERS_ARE_SILENT =
      r ->
          r.membership() != null && r.membership().isMutedAt(r.now()) && r.action().silencedByMute()
              ? Decision.deny(DenialReason.MUTED)
              : Decision.allow();

  /** Edit-own and delete-own apply to the actor's own messages only. */
  public static final PermissionRule OWN_MESSAGES_ONLY =
      r ->
          (r.action() == Action.EDIT_OWN || r.action() == Action.DELETE_OWN)
                  && r.targetUser() != null
                  && !r.actorIsTarget()
              ? Decision.deny(DenialReason.NOT_AUTHOR)
              : Decision.allow();

  /**
   * An actor never acts on a member of equal or higher role, nor grants a role above their own. The
   * one action on oneself that is allowed is stepping down to a lower role.
   */
  public static final PermissionRule OUTRANK_THE_TARGET =
      r -> {
        if (!r.action().actsOnAnotherMember() || r.membership() == null) {
          return Decision.allow();
        }
        if (r.newRole() != null && r.newRole().outranks(r.membership().role())) {
          return Decision.deny(DenialReason.ROLE_TOO_HIGH);
        }
        if (r.actorIsTarget()) {
          return stepsDown(r) ? Decision.allow() : Decision.deny(DenialReason.CANNOT_TARGET_SELF);
        }
        Membership target = r.target();
        if (target != null && !r.membership().role().outranks(target.role())) {
          return Decision.deny(DenialReason.TARGET_OUTRANKS);
        }
        return Decision.allow();
      };

  /** The rules, in the order they are asked. */
  public static final List<PermissionRule> RULES =
      List.of(
          NOT_BANNED,
          MEMBERS_ONLY,
          ARCHIVED_ROOMS_ARE_READ_ONLY,
          DIRECT_ROOMS_ARE_CLOSED,
          ROLE_IS_HIGH_ENOUGH,
          MUTED_MEMBERS_ARE_SILENT,
          OWN_MESSAGES_ONLY,
          OUTRANK_THE_TARGET);

  private PermissionPolicy() {}

  private static boolean stepsDown(PermissionRequest r) {
    return r.action() == Action.CHANGE_ROLE
        && r.actorIsTarget()
        && r.newRole() != null
        && r.membership() != null
        && r.membership().role().outranks(r.newRole());
  }

  /** Answers the request: the first denial of {@link #RULES}, or allowed. */
  public static Decision decide(PermissionRequest request) {
    for (PermissionRule rule : RULES) {
      Decision decision = rule.check(request);
      if (decision instanceof Decision.Denied) {
        return decision;
      }
    }
    return Decision.allow();
  }
}
