package dev.parley.testkit.usecase;

import static dev.parley.testkit.usecase.UseCaseSteps.assertForbidden;
import static dev.parley.testkit.usecase.UseCaseSteps.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.in.RoomSettingsInput;
import dev.parley.application.port.in.TypingState;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.presence.PresenceSettings;
import dev.parley.domain.presence.PresenceStatus;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Presence across devices, expiry and idleness; typing notices, their expiry and rate limit. */
class PresenceAndTypingTest {
  private static final PresenceSettings PRESENCE = PresenceSettings.DEFAULTS;

  private final ChatScenario s = new ChatScenario();
  private final UseCaseSteps step = new UseCaseSteps(s);
  private RoomId loud;
  private RoomId quiet;
  private ConnectionId alices;

  /**
   * Two rooms of alice with bob and carol as members, one with presence events off; alice listens
   * to both on one connection.
   */
  @BeforeEach
  void twoRoomsAndAListener() {
    loud = s.publicRoom(s.alice);
    quiet = s.publicRoom(s.alice);
    for (RoomId room : List.of(loud, quiet)) {
      s.member(s.alice, room, s.bob, Role.MEMBER);
      s.member(s.alice, room, s.carol, Role.MEMBER);
    }
    step.updateSettings(s.alice, quiet, new RoomSettingsInput(null, null, false, null));
    alices = s.listen(s.alice, loud);
    s.subscribe(s.alice, alices, quiet);
  }

  private List<ChatEvent.PresenceChanged> presenceOf(UserId user) {
    return s.eventsFor(alices, ChatEvent.PresenceChanged.class).stream()
        .filter(e -> e.userId().equals(user))
        .toList();
  }

  private List<List<UserId>> typersSeenByAlice() {
    return s.eventsFor(alices, ChatEvent.TypingChanged.class).stream()
        .map(ChatEvent.TypingChanged::typers)
        .toList();
  }

  @Test
  void connectingMakesAUserOnlineAndTellsOnlyRoomsWithPresenceEventsOn() {
    assertThat(step.statusOf(s.bob, loud)).isEqualTo(PresenceStatus.OFFLINE);

    s.connect(s.bob);

    assertThat(step.statusOf(s.bob, loud)).isEqualTo(PresenceStatus.ONLINE);
    assertThat(step.statusOf(s.bob, quiet)).isEqualTo(PresenceStatus.ONLINE);
    assertThat(presenceOf(s.bob))
        .singleElement()
        .satisfies(e -> assertThat(e.roomId()).isEqualTo(loud))
        .satisfies(e -> assertThat(e.status()).isEqualTo(PresenceStatus.ONLINE))
        .satisfies(e -> assertThat(e.lastActiveAt()).isEqualTo(s.clock.now()));
  }

  @Test
  void secondDeviceAnnouncesNothingNewAndOnlyTheLastDisconnectGoesOffline() {
    ConnectionId phone = s.connect(s.bob);
    ConnectionId laptop = s.connect(s.bob);
    assertThat(presenceOf(s.bob)).hasSize(1);

    step.disconnect(phone);
    assertThat(step.statusOf(s.bob, loud)).isEqualTo(PresenceStatus.ONLINE);
    assertThat(presenceOf(s.bob)).hasSize(1);

    step.disconnect(laptop);
    step.disconnect(laptop); // idempotent
    assertThat(step.statusOf(s.bob, loud)).isEqualTo(PresenceStatus.OFFLINE);
    assertThat(presenceOf(s.bob))
        .extracting(ChatEvent.PresenceChanged::status)
        .containsExactly(PresenceStatus.ONLINE, PresenceStatus.OFFLINE);
  }

  @Test
  void connectionPastItsHeartbeatTtlCountsAsGoneAndReceivesNothing() {
    ConnectionId bobs = s.listen(s.bob, loud);
    Instant connectedAt = s.clock.now();

    s.clock.advance(Duration.ofSeconds(60));
    step.heartbeat(s.alice, alices, false);
    s.clock.set(connectedAt.plus(PRESENCE.heartbeatTtl()));
    assertThat(step.statusOf(s.bob, loud)).isEqualTo(PresenceStatus.ONLINE);

    s.clock.advance(Duration.ofSeconds(1)); // the $disconnect never came
    s.post(s.carol, loud, "anyone there?");

    assertThat(step.statusOf(s.bob, loud)).isEqualTo(PresenceStatus.OFFLINE);
    assertThat(s.eventsFor(bobs, ChatEvent.MessagePosted.class)).isEmpty();
    assertThat(s.eventsFor(alices, ChatEvent.MessagePosted.class)).hasSize(1);
  }

  @Test
  void idleUserIsAwayUntilAnActiveHeartbeatBringsThemBack() {
    ConnectionId bobs = s.connect(s.bob);
    long idleMinutes = PRESENCE.idleAfter().toMinutes();
    for (int minute = 1; minute <= idleMinutes; minute++) {
      s.clock.advance(Duration.ofMinutes(1));
      step.heartbeat(s.bob, bobs, false);
      step.heartbeat(s.alice, alices, false);
    }
    assertThat(step.statusOf(s.bob, loud)).isEqualTo(PresenceStatus.ONLINE);

    s.clock.advance(Duration.ofMinutes(1));
    step.heartbeat(s.bob, bobs, false);
    step.heartbeat(s.alice, alices, false);
    assertThat(step.statusOf(s.bob, loud)).isEqualTo(PresenceStatus.AWAY);
    int before = presenceOf(s.bob).size();

    step.heartbeat(s.bob, bobs, true);

    assertThat(step.statusOf(s.bob, loud)).isEqualTo(PresenceStatus.ONLINE);
    assertThat(presenceOf(s.bob))
        .hasSize(before + 1)
        .last()
        .satisfies(e -> assertThat(e.status()).isEqualTo(PresenceStatus.ONLINE))
        .satisfies(e -> assertThat(e.lastActiveAt()).isEqualTo(s.clock.now()));
  }

  @Test
  void heartbeatOnAnotherUsersConnectionIsNotFound() {
    ConnectionId bobs = s.connect(s.bob);

    assertNotFound(() -> step.heartbeat(s.mallory, bobs, true));

    assertThat(s.chat.connections().find(bobs, s.clock.now()))
        .hasValueSatisfying(c -> assertThat(c.userId()).isEqualTo(s.bob));
    assertThat(s.chat.connections().byUser(s.mallory, s.clock.now())).isEmpty();
  }

  @Test
  void typingNoticeCarriesEveryoneTypingSortedByUser() {
    TypingState carol = step.typing(s.carol, loud, true);
    TypingState bob = step.typing(s.bob, loud, true);

    assertThat(carol.typers()).containsExactly(s.carol);
    assertThat(bob.typers()).containsExactly(s.bob, s.carol);
    assertThat(bob.broadcast()).isTrue();
    assertThat(typersSeenByAlice()).containsExactly(List.of(s.carol), List.of(s.bob, s.carol));
  }

  @Test
  void typersExpireAfterTheTypingTtl() {
    assertThat(PRESENCE.typingTtl()).isEqualTo(Duration.ofSeconds(6));
    step.typing(s.bob, loud, true);
    s.clock.advance(Duration.ofSeconds(5));
    assertThat(step.typing(s.carol, loud, true).typers()).containsExactly(s.bob, s.carol);

    s.clock.advance(Duration.ofSeconds(1));
    TypingState later = step.typing(s.alice, loud, true);

    assertThat(later.typers()).containsExactly(s.alice, s.carol);
    assertThat(typersSeenByAlice()).last().isEqualTo(List.of(s.alice, s.carol));
  }

  @Test
  void stoppingRemovesTheTyperAndIsBroadcast() {
    step.typing(s.bob, loud, true);
    step.typing(s.carol, loud, true);

    TypingState stopped = step.typing(s.bob, loud, false);

    assertThat(stopped.typers()).containsExactly(s.carol);
    assertThat(stopped.broadcast()).isTrue();
    assertThat(typersSeenByAlice()).last().isEqualTo(List.of(s.carol));
  }

  @Test
  void repeatedStartWithinTheRateLimitIsNotBroadcastButKeepsTheTyperAlive() {
    step.typing(s.bob, loud, true);
    s.clock.advance(Duration.ofMillis(500));

    TypingState repeat = step.typing(s.bob, loud, true);

    assertThat(repeat.broadcast()).isFalse();
    assertThat(repeat.typers()).containsExactly(s.bob);
    assertThat(typersSeenByAlice()).containsExactly(List.of(s.bob));

    // The repeat extended bob's typing past the first notice's expiry.
    s.clock.advance(PRESENCE.typingTtl().minusMillis(300));
    assertThat(step.typing(s.carol, loud, true).typers()).containsExactly(s.bob, s.carol);
  }

  @Test
  void typingInARoomWithTypingEventsOffIsNotBroadcast() {
    step.updateSettings(s.alice, quiet, new RoomSettingsInput(null, null, null, false));

    TypingState state = step.typing(s.bob, quiet, true);

    assertThat(state.broadcast()).isFalse();
    assertThat(s.eventsFor(alices, ChatEvent.TypingChanged.class)).isEmpty();
  }

  @Test
  void guestsMutedMembersAndNonMembersCannotType() {
    s.member(s.alice, loud, s.mallory, Role.GUEST);
    step.mute(s.alice, loud, s.carol, null);

    assertForbidden(() -> step.typing(s.mallory, loud, true), DenialReason.ROLE_TOO_LOW);
    assertForbidden(() -> step.typing(s.carol, loud, true), DenialReason.MUTED);
    assertForbidden(
        () -> step.typing(UserId.of("stranger"), loud, true), DenialReason.NOT_A_MEMBER);
    assertThat(s.eventsFor(alices, ChatEvent.TypingChanged.class)).isEmpty();
  }
}
