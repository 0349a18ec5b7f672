package dev.parley.testkit.usecase;

import static dev.parley.testkit.usecase.UseCaseSteps.assertForbidden;
import static dev.parley.testkit.usecase.UseCaseSteps.assertNotFound;
import static dev.parley.testkit.usecase.UseCaseSteps.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.in.ListBansQuery;
import dev.parley.application.port.in.ListMutesQuery;
import dev.parley.application.port.in.Page;
import dev.parley.application.port.in.UpdateRoomCommand;
import dev.parley.domain.access.Action;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.member.Ban;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A room's bans and mutes, for whoever may ban and mute there. */
class ModerationListsTest {
  private final ChatScenario s = new ChatScenario();
  private final UseCaseSteps step = new UseCaseSteps(s);
  private final UserId dave = UserId.of("dave");
  private final UserId erin = UserId.of("erin");
  private RoomId room;

  @BeforeEach
  void aRoomWithAModerator() {
    room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.carol, Role.MODERATOR);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    s.member(s.alice, room, dave, Role.MEMBER);
    s.member(s.alice, room, erin, Role.MEMBER);
  }

  private Page<Ban> bans(UserId user, String cursor, Integer limit) {
    return s.chat.listBans().listBans(new ListBansQuery(user, room.value(), cursor, limit));
  }

  private Page<Membership> mutes(UserId user, String cursor, Integer limit) {
    return s.chat.listMutes().listMutes(new ListMutesQuery(user, room.value(), cursor, limit));
  }

  @Test
  void moderatorsSeeBansInForceWithWhoWhenUntilAndWhy() {
    step.ban(s.carol, room, s.bob, 60L);
    step.ban(s.carol, room, dave, null);
    step.ban(s.carol, room, erin, 10L);
    s.clock.advance(Duration.ofSeconds(11)); // erin's ban lapses

    List<Ban> bans = bans(s.carol, null, null).items();

    assertThat(bans).extracting(Ban::userId).containsExactly(s.bob, dave);
    assertThat(bans.get(0).bannedBy()).isEqualTo(s.carol);
    assertThat(bans.get(0).expiresAt()).isEqualTo(bans.get(0).bannedAt().plusSeconds(60));
    assertThat(bans.get(0).reason()).isEqualTo("spam");
    assertThat(bans.get(1).expiresAt()).isNull();
    assertThat(bans(s.alice, null, null).items()).hasSize(2);
  }

  @Test
  void liftedBansAndMutesLeaveTheLists() {
    step.ban(s.carol, room, s.bob, null);
    step.mute(s.carol, room, dave, null);

    step.unban(s.carol, room, s.bob);
    step.unmute(s.carol, room, dave);

    assertThat(bans(s.carol, null, null).items()).isEmpty();
    assertThat(mutes(s.carol, null, null).items()).isEmpty();
  }

  @Test
  void moderatorsSeeMutedMembersPageByPage() {
    step.mute(s.carol, room, erin, null);
    step.mute(s.carol, room, s.bob, 30L);
    step.mute(s.carol, room, dave, 600L);

    Page<Membership> first = mutes(s.carol, null, 2);
    Page<Membership> second = mutes(s.carol, first.nextCursor(), 2);

    assertThat(first.items()).extracting(Membership::userId).containsExactly(s.bob, dave);
    assertThat(second.items()).extracting(Membership::userId).containsExactly(erin);
    assertThat(second.nextCursor()).isNull();
    assertThat(second.items().get(0).mutedUntil()).isEqualTo(Membership.INDEFINITELY);

    s.clock.advance(Duration.ofSeconds(31));
    assertThat(mutes(s.carol, null, null).items())
        .extracting(Membership::userId)
        .containsExactly(dave, erin);
  }

  @Test
  void membersAndOutsidersMayNotSeeTheLists() {
    step.ban(s.carol, room, erin, null);
    RoomId hidden = s.privateRoom(s.alice);

    assertForbidden(() -> bans(s.bob, null, null), DenialReason.ROLE_TOO_LOW);
    assertForbidden(() -> mutes(s.bob, null, null), DenialReason.ROLE_TOO_LOW);
    assertForbidden(() -> bans(s.mallory, null, null), DenialReason.NOT_A_MEMBER);
    assertForbidden(() -> bans(erin, null, null), DenialReason.BANNED);
    assertNotFound(
        () -> s.chat.listBans().listBans(new ListBansQuery(s.mallory, hidden.value(), null, null)));
    assertNotFound(
        () ->
            s.chat
                .listMutes()
                .listMutes(new ListMutesQuery(s.mallory, hidden.value(), null, null)));
  }

  @Test
  void theRoomsOwnPermissionsDecideWhoMaySeeThem() {
    s.chat
        .updateRoom()
        .updateRoom(
            new UpdateRoomCommand(
                s.alice, room.value(), null, null, null, Map.of(Action.BAN, Role.ADMIN)));

    assertForbidden(() -> bans(s.carol, null, null), DenialReason.ROLE_TOO_LOW);
    assertThat(mutes(s.carol, null, null).items()).isEmpty();
  }

  @Test
  void badCursorsAndLimitsAreInvalidInput() {
    step.ban(s.carol, room, s.bob, null);
    step.ban(s.carol, room, dave, null);
    step.mute(s.carol, room, erin, null);
    String bansCursor = bans(s.carol, null, 1).nextCursor();
    assertThat(bansCursor).isNotNull();

    assertThat(invalidFields(() -> mutes(s.carol, bansCursor, null))).containsExactly("cursor");
    assertThat(invalidFields(() -> bans(s.carol, "garbage", null))).containsExactly("cursor");
    assertThat(invalidFields(() -> bans(s.carol, null, 0))).containsExactly("limit");
    assertThat(invalidFields(() -> mutes(s.carol, null, 101))).containsExactly("limit");
  }
}
