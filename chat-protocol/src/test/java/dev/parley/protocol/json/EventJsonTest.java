package dev.parley.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.domain.access.Action;
import dev.parley.domain.access.Role;
import dev.parley.domain.access.RolePermissions;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.member.Membership;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.presence.PresenceStatus;
import dev.parley.domain.reaction.Emoji;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.room.RoomSettings;
import dev.parley.domain.room.RoomType;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.rest.OpenApiDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@link ChatEvent} subtype as an {@code event} frame: name, room, sequence, time, data. */
class EventJsonTest {
  private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");
  private static final Instant LATER = Instant.parse("2026-01-01T11:00:00Z");
  private static final RoomId ROOM = RoomId.of("room-1");
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");
  private static final MessageId MESSAGE_ID = MessageId.of("m-7");

  private static Message message(String body, Instant editedAt, boolean pinned) {
    return new Message(MESSAGE_ID, ROOM, 7, ALICE, body, null, 0, null, AT, editedAt, null, pinned);
  }

  /** One sample per case: the event, its wire name, its sequence (null: absent), its data. */
  record Sample(ChatEvent event, String name, Long sequence, Consumer<JsonNode> data) {}

  static List<Sample> samples() {
    Room room =
        Room.open(ROOM, "general", "say hi", RoomType.PUBLIC, ALICE, AT, RoomSettings.DEFAULTS)
            .withPermissions(RolePermissions.withOverrides(Map.of(Action.POST, Role.MODERATOR)));
    return List.of(
        new Sample(
            new ChatEvent.MessagePosted(message("hello", null, false), AT),
            "message.posted",
            7L,
            data -> {
              assertThat(data.path("id").asText()).isEqualTo("m-7");
              assertThat(data.path("roomId").asText()).isEqualTo("room-1");
              assertThat(data.path("sequence").asLong()).isEqualTo(7);
              assertThat(data.path("author").asText()).isEqualTo("alice");
              assertThat(data.path("text").asText()).isEqualTo("hello");
              assertThat(data.path("createdAt").asText()).isEqualTo("2026-01-01T10:00:00Z");
              assertThat(data.path("deleted").asBoolean()).isFalse();
              assertThat(data.path("reactions")).isEmpty();
              assertThat(data.path("mentions").isArray()).isTrue();
              assertThat(data.path("mentions")).isEmpty();
              assertThat(data.has("editedAt")).isFalse();
            }),
        new Sample(
            new ChatEvent.MessageEdited(message("hello @bob and @carol!", LATER, false), LATER),
            "message.edited",
            7L,
            data -> {
              assertThat(data.path("text").asText()).isEqualTo("hello @bob and @carol!");
              assertThat(data.path("editedAt").asText()).isEqualTo("2026-01-01T11:00:00Z");
              assertThat(data.path("mentions"))
                  .extracting(JsonNode::asText)
                  .containsExactly("bob", "carol");
            }),
        new Sample(
            new ChatEvent.Mentioned(ROOM, MESSAGE_ID, 7, BOB, ALICE, AT),
            "message.mentioned",
            7L,
            data -> assertFields(data, Map.of("messageId", "m-7", "userId", "bob", "by", "alice"))),
        new Sample(
            new ChatEvent.MessageDeleted(ROOM, MESSAGE_ID, 7, BOB, AT),
            "message.deleted",
            7L,
            data -> assertFields(data, Map.of("messageId", "m-7", "by", "bob"))),
        new Sample(
            new ChatEvent.MessagePinned(message("hello", null, true), BOB, AT),
            "message.pinned",
            7L,
            data -> {
              assertThat(data.path("id").asText()).isEqualTo("m-7");
              assertThat(data.path("pinned").asBoolean()).isTrue();
            }),
        new Sample(
            new ChatEvent.ReactionChanged(
                ROOM, MESSAGE_ID, 7, Emoji.of("\uD83D\uDC4D"), BOB, true, 2, AT),
            "reaction.changed",
            7L,
            data ->
                assertFields(
                    data,
                    Map.of(
                        "messageId", "m-7",
                        "emoji", "\uD83D\uDC4D",
                        "userId", "bob",
                        "added", "true",
                        "count", "2"))),
        new Sample(
            new ChatEvent.MemberJoined(ROOM, BOB, Role.MEMBER, ALICE, AT),
            "member.joined",
            null,
            data -> assertFields(data, Map.of("userId", "bob", "role", "member", "by", "alice"))),
        new Sample(
            new ChatEvent.MemberJoined(ROOM, BOB, Role.GUEST, null, AT),
            "member.joined",
            null,
            data -> assertFields(data, Map.of("userId", "bob", "role", "guest"))),
        new Sample(
            new ChatEvent.MemberLeft(ROOM, BOB, AT),
            "member.left",
            null,
            data -> assertFields(data, Map.of("userId", "bob"))),
        new Sample(
            new ChatEvent.MemberKicked(ROOM, BOB, ALICE, AT),
            "member.kicked",
            null,
            data -> assertFields(data, Map.of("userId", "bob", "by", "alice"))),
        new Sample(
            new ChatEvent.MemberBanned(ROOM, BOB, ALICE, LATER, AT),
            "member.banned",
            null,
            data ->
                assertFields(
                    data,
                    Map.of("userId", "bob", "by", "alice", "expiresAt", "2026-01-01T11:00:00Z"))),
        new Sample(
            new ChatEvent.MemberBanned(ROOM, BOB, ALICE, null, AT),
            "member.banned",
            null,
            data -> assertFields(data, Map.of("userId", "bob", "by", "alice"))),
        new Sample(
            new ChatEvent.MemberUnbanned(ROOM, BOB, ALICE, AT),
            "member.unbanned",
            null,
            data -> assertFields(data, Map.of("userId", "bob", "by", "alice"))),
        new Sample(
            new ChatEvent.MemberMuted(ROOM, BOB, ALICE, LATER, AT),
            "member.muted",
            null,
            data ->
                assertFields(
                    data,
                    Map.of("userId", "bob", "by", "alice", "mutedUntil", "2026-01-01T11:00:00Z"))),
        new Sample(
            new ChatEvent.MemberMuted(ROOM, BOB, ALICE, Membership.INDEFINITELY, AT),
            "member.muted",
            null,
            data ->
                assertFields(
                    data, Map.of("userId", "bob", "by", "alice", "mutedUntil", "forever"))),
        new Sample(
            new ChatEvent.MemberMuted(ROOM, BOB, ALICE, null, AT),
            "member.muted",
            null,
            data -> assertFields(data, Map.of("userId", "bob", "by", "alice"))),
        new Sample(
            new ChatEvent.RoleChanged(ROOM, BOB, Role.MEMBER, Role.MODERATOR, ALICE, AT),
            "member.role_changed",
            null,
            data ->
                assertFields(
                    data,
                    Map.of("userId", "bob", "from", "member", "to", "moderator", "by", "alice"))),
        new Sample(
            new ChatEvent.RoomUpdated(room, ALICE, AT),
            "room.updated",
            null,
            data -> {
              assertThat(data.path("id").asText()).isEqualTo("room-1");
              assertThat(data.path("name").asText()).isEqualTo("general");
              assertThat(data.path("topic").asText()).isEqualTo("say hi");
              assertThat(data.path("type").asText()).isEqualTo("public");
              assertThat(data.path("permissions").path("post").asText()).isEqualTo("moderator");
              assertThat(data.path("settings").path("maxMessageLength").asInt()).isEqualTo(4000);
              for (String personal :
                  List.of("yourRole", "lastSequence", "lastRead", "unreadCount")) {
                assertThat(data.has(personal)).as("%s is caller-specific", personal).isFalse();
              }
            }),
        new Sample(
            new ChatEvent.RoomArchived(ROOM, ALICE, AT),
            "room.archived",
            null,
            data -> assertFields(data, Map.of("by", "alice"))),
        new Sample(
            new ChatEvent.ReadMarkerMoved(ROOM, BOB, 5, AT),
            "read.moved",
            null,
            data -> assertFields(data, Map.of("userId", "bob", "lastRead", "5"))),
        new Sample(
            new ChatEvent.PresenceChanged(ROOM, BOB, PresenceStatus.AWAY, AT, LATER),
            "presence.changed",
            null,
            data ->
                assertFields(
                    data,
                    Map.of(
                        "userId",
                        "bob",
                        "status",
                        "away",
                        "lastActiveAt",
                        "2026-01-01T10:00:00Z"))),
        new Sample(
            new ChatEvent.PresenceChanged(ROOM, BOB, PresenceStatus.OFFLINE, null, LATER),
            "presence.changed",
            null,
            data -> assertFields(data, Map.of("userId", "bob", "status", "offline"))),
        new Sample(
            new ChatEvent.TypingChanged(ROOM, List.of(ALICE, BOB), AT),
            "typing.changed",
            null,
            data -> {
              assertThat(fieldNames(data)).containsExactly("typers");
              assertThat(data.path("typers").get(0).asText()).isEqualTo("alice");
              assertThat(data.path("typers").get(1).asText()).isEqualTo("bob");
            }));
  }

  static Stream<Arguments> events() {
    return samples().stream()
        .map(
            s ->
                Arguments.of(
                    Named.of(s.name() + " (" + s.event().getClass().getSimpleName() + ")", s)));
  }

  @ParameterizedTest
  @MethodSource("events")
  void everyEventEncodesWithItsNameRoomSequenceTimeAndData(Sample sample) {
    JsonNode frame =
        Json.readTree(EventJson.encode(sample.event()).getBytes(StandardCharsets.UTF_8));

    assertThat(frame.path("type").asText()).isEqualTo("event");
    assertThat(frame.path("event").asText()).isEqualTo(sample.name());
    assertThat(EventJson.name(sample.event())).isEqualTo(sample.name());
    assertThat(frame.path("roomId").asText()).isEqualTo("room-1");
    assertThat(frame.path("at").asText()).isEqualTo(sample.event().at().toString());
    if (sample.sequence() == null) {
      assertThat(sample.event().sequence()).isZero();
      assertThat(frame.has("sequence")).as("sequence absent when 0").isFalse();
      assertThat(fieldNames(frame)).containsExactly("type", "event", "roomId", "at", "data");
    } else {
      assertThat(frame.path("sequence").asLong()).isEqualTo(sample.sequence());
      assertThat(fieldNames(frame))
          .containsExactly("type", "event", "roomId", "sequence", "at", "data");
    }
    assertThat(frame.path("data").isObject()).isTrue();
    sample.data().accept(frame.path("data"));
  }

  @Test
  void everyEventTypeHasASample() {
    Set<Class<?>> sampled =
        samples().stream().map(s -> s.event().getClass()).collect(Collectors.toSet());

    assertThat(sampled).containsExactlyInAnyOrder(ChatEvent.class.getPermittedSubclasses());
  }

  @Test
  void eventNamesAreDistinctAndDocumentedInOpenApiAndTheWebSocketProtocol() throws Exception {
    Map<Class<?>, String> names =
        samples().stream()
            .collect(Collectors.toMap(s -> s.event().getClass(), Sample::name, (a, b) -> a));
    Set<String> distinct = new TreeSet<>(names.values());
    assertThat(distinct).hasSize(ChatEvent.class.getPermittedSubclasses().length);

    OpenApiDocument document = OpenApiDocument.load();
    List<String> documented = new ArrayList<>();
    document
        .root()
        .path("components")
        .path("schemas")
        .path("Event")
        .path("properties")
        .path("event")
        .path("enum")
        .forEach(name -> documented.add(name.asText()));
    assertThat(documented).containsExactlyInAnyOrderElementsOf(distinct);

    String protocol = Files.readString(document.file().resolveSibling("websocket-protocol.md"));
    for (String name : distinct) {
      assertThat(protocol)
          .as("websocket-protocol.md describes %s", name)
          .contains("`" + name + "`");
    }
  }

  @Test
  void theSameEventEncodesToTheSameBytesForEveryRecipient() {
    ChatEvent event = new ChatEvent.MessagePosted(message("hello", null, false), AT);

    assertThat(EventJson.encode(event)).isEqualTo(EventJson.encode(event));
    assertThat(EventJson.encode(event)).isEqualTo(Json.writeString(EventJson.of(event)));
  }

  private static void assertFields(JsonNode data, Map<String, String> expected) {
    assertThat(fieldNames(data)).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach(
        (field, value) -> assertThat(data.path(field).asText()).as(field).isEqualTo(value));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void samplesCoverEveryRoleOfTheRoleChangeAndEveryPresenceStatusInLowerCase() {
    // The encoder lower-cases enums by name: any constant would do, but check they all do.
    for (Role role : Role.values()) {
      JsonNode data =
          Json.readTree(
                  EventJson.encode(new ChatEvent.RoleChanged(ROOM, BOB, role, role, ALICE, AT))
                      .getBytes(StandardCharsets.UTF_8))
              .path("data");
      assertThat(data.path("to").asText())
          .isEqualTo(role.name().toLowerCase(java.util.Locale.ROOT));
    }
    assertThat(
            Arrays.stream(PresenceStatus.values())
                .map(
                    status ->
                        Json.readTree(
                                EventJson.encode(
                                        new ChatEvent.PresenceChanged(ROOM, BOB, status, AT, AT))
                                    .getBytes(StandardCharsets.UTF_8))
                            .path("data")
                            .path("status")
                            .asText())
                .toList())
        .containsExactly("online", "away", "offline");
  }
}
