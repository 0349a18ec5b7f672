package dev.parley.domain.permission;

import dev.parley.domain.access.Action;
import dev.parley.domain.access.Decision;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.member.Ban;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.room.RoomSettings;
import dev.parley.domain.room.RoomType;
import dev.parley.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;

/** Real rooms, members and requests for the permission tests. Alice acts; Bob is acted on. */
final class PolicyFixtures {
  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  static final Instant LAST_WEEK = NOW.minus(Duration.ofDays(7));
  static final UserId ALICE = UserId.of("alice");
  static final UserId BOB = UserId.of("bob");
  static final UserId FOUNDER = UserId.of("founder");

  private PolicyFixtures() {}

  static Room publicRoom() {
    return room(RoomType.PUBLIC);
  }

  static Room privateRoom() {
    return room(RoomType.PRIVATE);
  }

  static Room directRoom() {
    return Room.direct(RoomId.of("dm-alice-bob"), ALICE, BOB, LAST_WEEK);
  }

  private static Room room(RoomType type) {
    return Room.open(
        RoomId.of("room-" + type.name().toLowerCase(java.util.Locale.ROOT)),
        "The " + type + " room",
        "",
        type,
        FOUNDER,
        LAST_WEEK,
        RoomSettings.DEFAULTS);
  }

  static Membership membership(Room room, UserId user, Role role) {
    return Membership.join(room.id(), user, role, LAST_WEEK);
  }

  /** Alice, a member of {@code room} with {@code role}, asks to do {@code action}. */
  static PermissionRequest alice(Room room, Role role, Action action) {
    return PermissionRequest.of(room, ALICE, membership(room, ALICE, role), null, action, NOW);
  }

  /** Alice, who is not a member of {@code room}, asks to do {@code action}. */
  static PermissionRequest nonMember(Room room, Action action) {
    return PermissionRequest.of(room, ALICE, null, null, action, NOW);
  }

  /** Alice, with {@code role}, asks to do {@code action} to Bob, a member with {@code bobsRole}. */
  static PermissionRequest aliceOnBob(Room room, Role role, Action action, Role bobsRole) {
    return alice(room, role, action).on(BOB, membership(room, BOB, bobsRole));
  }

  /** Alice, with {@code role}, asks to do {@code action} to herself (or to her own message). */
  static PermissionRequest aliceOnHerself(Room room, Role role, Action action) {
    Membership own = membership(room, ALICE, role);
    return PermissionRequest.of(room, ALICE, own, null, action, NOW).on(ALICE, own);
  }

  /** A ban of Alice from {@code room}, lapsing at {@code expiresAt} (null: until lifted). */
  static Ban banOfAlice(Room room, Instant expiresAt) {
    return new Ban(room.id(), ALICE, FOUNDER, LAST_WEEK, expiresAt, "spam");
  }

  static Decision allowed() {
    return Decision.allow();
  }

  static Decision denied(DenialReason reason) {
    return Decision.deny(reason);
  }

  /** Reads a cell of an expectation table: {@code allowed} or the name of a denial reason. */
  static Decision expectation(String cell) {
    return cell.equals("allowed") ? allowed() : denied(DenialReason.valueOf(cell));
  }
}
