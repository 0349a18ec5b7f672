package dev.parley.domain.member;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.access.Decision;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.room.RoomSettings;
import dev.parley.domain.room.RoomType;
import dev.parley.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MembershipRulesTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");
  private final Room publicRoom = room(RoomType.PUBLIC);
  private final Room privateRoom = room(RoomType.PRIVATE);
  private final Room directRoom = Room.direct(RoomId.of("dm"), ALICE, BOB, NOW);

  @Test
  void anyoneMayJoinAPublicRoom() {
    assertThat(MembershipRules.mayJoin(publicRoom, null, NOW)).isEqualTo(Decision.allow());
  }

  @Test
  void privateRoomIsByInvitationOnly() {
    assertThat(MembershipRules.mayJoin(privateRoom, null, NOW))
        .isEqualTo(Decision.deny(DenialReason.NOT_PUBLIC));
  }

  @Test
  void nobodyJoinsADirectRoom() {
    assertThat(MembershipRules.mayJoin(directRoom, null, NOW))
        .isEqualTo(Decision.deny(DenialReason.NOT_PUBLIC));
  }

  @Test
  void nobodyJoinsAnArchivedRoom() {
    assertThat(MembershipRules.mayJoin(publicRoom.archive(), null, NOW))
        .isEqualTo(Decision.deny(DenialReason.ROOM_ARCHIVED));
  }

  @Test
  void bannedUserCannotJoinUntilTheBanExpires() {
    Ban untilTomorrow = ban(NOW.plus(Duration.ofDays(1)));
    assertThat(MembershipRules.mayJoin(publicRoom, untilTomorrow, NOW))
        .isEqualTo(Decision.deny(DenialReason.BANNED));
    assertThat(MembershipRules.mayJoin(publicRoom, untilTomorrow, NOW.plus(Duration.ofDays(1))))
        .isEqualTo(Decision.allow());
  }

  @Test
  void permanentlyBannedUserCannotJoin() {
    assertThat(MembershipRules.mayJoin(publicRoom, ban(null), NOW.plus(Duration.ofDays(999))))
        .isEqualTo(Decision.deny(DenialReason.BANNED));
  }

  @Test
  void userMayBeAddedToAPrivateRoom() {
    assertThat(MembershipRules.mayBeAdded(privateRoom, null, NOW)).isEqualTo(Decision.allow());
  }

  @Test
  void bannedUserCannotBeAddedWhileTheBanHolds() {
    assertThat(MembershipRules.mayBeAdded(privateRoom, ban(null), NOW))
        .isEqualTo(Decision.deny(DenialReason.BANNED));
    assertThat(MembershipRules.mayBeAdded(privateRoom, ban(NOW.minusSeconds(1)), NOW))
        .isEqualTo(Decision.allow());
  }

  @Test
  void nobodyIsAddedToADirectRoom() {
    assertThat(MembershipRules.mayBeAdded(directRoom, null, NOW))
        .isEqualTo(Decision.deny(DenialReason.DIRECT_ROOM));
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = "OWNER", mode = EnumSource.Mode.EXCLUDE)
  void membersBelowOwnerMayLeave(Role role) {
    assertThat(MembershipRules.mayLeave(publicRoom, member(role), 1)).isEqualTo(Decision.allow());
  }

  @Test
  void lastOwnerCannotLeave() {
    assertThat(MembershipRules.mayLeave(publicRoom, member(Role.OWNER), 1))
        .isEqualTo(Decision.deny(DenialReason.LAST_OWNER));
  }

  @Test
  void oneOfTwoOwnersMayLeave() {
    assertThat(MembershipRules.mayLeave(publicRoom, member(Role.OWNER), 2))
        .isEqualTo(Decision.allow());
  }

  @Test
  void lastOwnerCannotGiveUpOwnership() {
    assertThat(MembershipRules.mayGiveUpOwnership(member(Role.OWNER), 1))
        .isEqualTo(Decision.deny(DenialReason.LAST_OWNER));
  }

  @Test
  void secondOwnerMayGiveUpOwnership() {
    assertThat(MembershipRules.mayGiveUpOwnership(member(Role.OWNER), 2))
        .isEqualTo(Decision.allow());
  }

  @Test
  void adminHasNoOwnershipToGiveUp() {
    assertThat(MembershipRules.mayGiveUpOwnership(member(Role.ADMIN), 1))
        .isEqualTo(Decision.allow());
  }

  @Test
  void nobodyLeavesADirectRoom() {
    assertThat(MembershipRules.mayLeave(directRoom, member(Role.MEMBER), 0))
        .isEqualTo(Decision.deny(DenialReason.DIRECT_ROOM));
  }

  private Membership member(Role role) {
    return Membership.join(publicRoom.id(), ALICE, role, NOW);
  }

  private Ban ban(Instant expiresAt) {
    return new Ban(publicRoom.id(), ALICE, BOB, NOW.minus(Duration.ofDays(1)), expiresAt, "");
  }

  private static Room room(RoomType type) {
    return Room.open(
        RoomId.of(type.name().toLowerCase(java.util.Locale.ROOT)),
        "Room",
        "",
        type,
        BOB,
        NOW,
        RoomSettings.DEFAULTS);
  }

  @Test
  void mutedMemberMayLeaveSinceLeavingIsNotSpeaking() {
    Membership muted = member(Role.MEMBER).mutedUntil(NOW.plus(Duration.ofHours(1)));
    Membership mutedForever = member(Role.MEMBER).mutedUntil(null);

    assertThat(MembershipRules.mayLeave(publicRoom, muted, 1)).isEqualTo(Decision.allow());
    assertThat(MembershipRules.mayLeave(privateRoom, mutedForever, 1)).isEqualTo(Decision.allow());
  }
}
