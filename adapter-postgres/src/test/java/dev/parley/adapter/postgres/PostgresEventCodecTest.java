package dev.parley.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.application.port.out.EventDeliveryPort.DisconnectReason;
import dev.parley.domain.access.Action;
import dev.parley.domain.access.Role;
import dev.parley.domain.access.RolePermissions;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.message.ClientMessageId;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.presence.PresenceStatus;
import dev.parley.domain.reaction.Emoji;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.room.RoomSettings;
import dev.parley.domain.room.RoomType;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@link ChatEvent} subtype survives the bus's codec unchanged. No database needed. */
class PostgresEventCodecTest {
  private static final RoomId ROOM = RoomId.of("room-1");
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");
  private static final MessageId MID = MessageId.of("m-1");
  private static final Instant AT = Instant.parse("2025-03-04T05:06:07.123456789Z");
  private static final Instant NEVER = Instant.parse("9999-12-31T23:59:59Z");

  /** Quotes, backslashes, control characters, non-BMP emoji, line separators. */
  private static final String NASTY = "he said \"hi\\there\"\n\t\u0001 \u2028 😀 ünï \uD83D\uDC4D";

  private static final Message PLAIN =
      new Message(MID, ROOM, 7, ALICE, NASTY, null, 0, null, AT, null, null, false);
  private static final Message FULL =
      new Message(
          MID,
          ROOM,
          Long.MAX_VALUE,
          ALICE,
          "reply",
          MessageId.of("root"),
          3,
          ClientMessageId.of("c-42"),
          AT,
          AT.plusSeconds(1),
          null,
          true);
  private static final Message DELETED =
      new Message(MID, ROOM, 9, ALICE, null, null, 0, null, AT, null, AT.plusSeconds(2), false);

  static Stream<ChatEvent> events() {
    Room open =
        Room.open(ROOM, "général \"1\"", NASTY, RoomType.PUBLIC, ALICE, AT, RoomSettings.DEFAULTS)
            .withSettings(new RoomSettings(16_000, 120, false, true))
            .withPermissions(
                RolePermissions.withOverrides(
                    Map.of(Action.KICK, Role.ADMIN, Action.PIN, Role.MEMBER)))
            .archive();
    Room direct = Room.direct(RoomId.of("dm-1"), BOB, ALICE, AT);
    return Stream.of(
        new ChatEvent.MessagePosted(PLAIN, AT),
        new ChatEvent.MessagePosted(FULL, AT),
        new ChatEvent.MessageEdited(FULL, AT),
        new ChatEvent.MessageDeleted(ROOM, MID, 9, BOB, AT),
        new ChatEvent.MessagePinned(PLAIN, BOB, AT),
        new ChatEvent.MessageEdited(DELETED, AT),
        new ChatEvent.ReactionChanged(ROOM, MID, 7, Emoji.of("👍🏽"), BOB, true, 3, AT),
        new ChatEvent.ReactionChanged(ROOM, MID, 7, Emoji.of("thumbsup"), BOB, false, 0, AT),
        new ChatEvent.MemberJoined(ROOM, BOB, Role.MEMBER, ALICE, AT),
        new ChatEvent.MemberJoined(ROOM, BOB, Role.GUEST, null, AT),
        new ChatEvent.MemberLeft(ROOM, BOB, AT),
        new ChatEvent.MemberKicked(ROOM, BOB, ALICE, AT),
        new ChatEvent.MemberBanned(ROOM, BOB, ALICE, NEVER, AT),
        new ChatEvent.MemberBanned(ROOM, BOB, ALICE, null, AT),
        new ChatEvent.MemberUnbanned(ROOM, BOB, ALICE, AT),
        new ChatEvent.MemberMuted(ROOM, BOB, ALICE, AT.plusSeconds(60), AT),
        new ChatEvent.MemberMuted(ROOM, BOB, ALICE, null, AT),
        new ChatEvent.RoleChanged(ROOM, BOB, Role.MEMBER, Role.MODERATOR, ALICE, AT),
        new ChatEvent.RoomUpdated(open, ALICE, AT),
        new ChatEvent.RoomUpdated(direct, BOB, AT),
        new ChatEvent.RoomArchived(ROOM, ALICE, AT),
        new ChatEvent.ReadMarkerMoved(ROOM, BOB, 12, AT),
        new ChatEvent.PresenceChanged(ROOM, BOB, PresenceStatus.AWAY, AT.minusSeconds(5), AT),
        new ChatEvent.PresenceChanged(ROOM, BOB, PresenceStatus.OFFLINE, null, AT),
        new ChatEvent.TypingChanged(ROOM, List.of(ALICE, BOB), AT),
        new ChatEvent.TypingChanged(ROOM, List.of(), AT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void everyEventRoundTripsInADeliverEnvelope(ChatEvent event) {
    List<ConnectionId> to = List.of(ConnectionId.of("c-1"), ConnectionId.of("c-2"));

    String encoded = PostgresEventCodec.deliver("node-a", event, to);

    assertThat(PostgresEventCodec.decode(encoded))
        .isEqualTo(new PostgresEventCodec.Deliver("node-a", event, to));
  }

  @Test
  void theSamplesCoverEverySubtype() {
    Set<Class<?>> covered = events().map(Object::getClass).collect(Collectors.toSet());
    assertThat(covered).containsExactlyInAnyOrder(ChatEvent.class.getPermittedSubclasses());
  }

  @Test
  void disconnectsRoundTripWithTheirReason() {
    for (DisconnectReason reason : DisconnectReason.values()) {
      List<ConnectionId> to = List.of(ConnectionId.of("c-9"));
      assertThat(PostgresEventCodec.decode(PostgresEventCodec.disconnect("n", to, reason)))
          .isEqualTo(new PostgresEventCodec.Disconnect("n", to, reason));
    }
  }

  @Test
  void aMaximalMessageIsLargerThanANotifyPayloadAndStillRoundTrips() {
    char[] body = new char[32_000];
    Arrays.fill(body, 'x');
    Message big =
        new Message(MID, ROOM, 1, ALICE, new String(body), null, 0, null, AT, null, null, false);
    ChatEvent event = new ChatEvent.MessagePosted(big, AT);

    String encoded = PostgresEventCodec.deliver("n", event, List.of(ConnectionId.of("c")));

    assertThat(encoded.length()).isGreaterThan(8_000);
    assertThat(((PostgresEventCodec.Deliver) PostgresEventCodec.decode(encoded)).event())
        .isEqualTo(event);
  }

  @Test
  void garbageIsRejectedWithAnIllegalArgument() {
    for (String garbage :
        List.of("", "{", "[1,2", "{\"o\":\"n\",\"k\":\"what\",\"to\":[]}", "{\"k\":1}", "nul")) {
      assertThatThrownBy(() -> PostgresEventCodec.decode(garbage))
          .as(garbage)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
