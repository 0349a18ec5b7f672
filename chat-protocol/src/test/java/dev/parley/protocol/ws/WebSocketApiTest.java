package dev.parley.protocol.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.in.BanMemberCommand;
import dev.parley.application.port.in.CreateRoomCommand;
import dev.parley.application.port.in.MuteMemberCommand;
import dev.parley.application.port.in.PostMessageCommand;
import dev.parley.application.port.out.RateLimitPort.Limit;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.presence.Connection;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.presence.PresenceSettings;
import dev.parley.domain.room.RoomType;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.ProtocolTestComponent;
import dev.parley.protocol.Tokens;
import dev.parley.protocol.http.ProblemType;
import dev.parley.protocol.json.EventJson;
import dev.parley.protocol.json.Json;
import dev.parley.protocol.rest.RestClient;
import dev.parley.testkit.adapter.ControllableClockAdapter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The WebSocket protocol through {@link WebSocketApi}, without a socket. */
class WebSocketApiTest {
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");
  private static final ConnectionId CONNECTION = ConnectionId.of("conn-1");

  private final ControllableClockAdapter clock = new ControllableClockAdapter();
  private ProtocolTestComponent chat;
  private WebSocketApi ws;

  @BeforeEach
  void setUp() {
    use(ChatSettings.DEFAULTS);
  }

  private void use(ChatSettings settings) {
    chat = ProtocolTestComponent.create(settings, clock);
    ws = chat.webSocketApi();
  }

  // --- helpers -------------------------------------------------------------------------------

  private String room(UserId owner, String name, RoomType type) {
    return chat.createRoom()
        .createRoom(new CreateRoomCommand(owner, name, null, type, null, null))
        .room()
        .id()
        .value();
  }

  private long post(String room, UserId author, String text) {
    return chat.postMessage()
        .postMessage(new PostMessageCommand(author, room, text, null, null))
        .message()
        .message()
        .sequence();
  }

  private String postId(String room, UserId author, String text) {
    return chat.postMessage()
        .postMessage(new PostMessageCommand(author, room, text, null, null))
        .message()
        .message()
        .id()
        .value();
  }

  private JsonNode open() {
    WebSocketApi.Opening opening = ws.open(CONNECTION, ALICE);
    assertThat(opening).isInstanceOf(WebSocketApi.Opened.class);
    return parse(((WebSocketApi.Opened) opening).hello());
  }

  /** Sends a frame as alice and returns the answer, which never carries a fault. */
  private JsonNode send(String frame) {
    WebSocketApi.Reply reply = ws.receive(CONNECTION, ALICE, frame);
    assertThat(reply.fault()).as("fault for %s", frame).isNull();
    return parse(reply.frame());
  }

  private static JsonNode parse(String frame) {
    return Json.readTree(frame.getBytes(StandardCharsets.UTF_8));
  }

  private static String problemType(JsonNode frame) {
    return frame.path("problem").path("type").asText();
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.path("violations").forEach(v -> fields.add(v.path("field").asText()));
    return fields;
  }

  private void assertStillWorking() {
    JsonNode pong = send("{\"action\":\"ping\",\"requestId\":\"alive\"}");
    assertThat(pong.path("type").asText()).isEqualTo("pong");
    assertThat(pong.path("requestId").asText()).isEqualTo("alive");
  }

  // --- hello ---------------------------------------------------------------------------------

  @Test
  void theHelloFrameNamesTheConnectionTheUserAndWhatIsUnread() {
    String room = room(BOB, "general", RoomType.PUBLIC);
    chat.inviteMember()
        .inviteMember(
            new dev.parley.application.port.in.InviteMemberCommand(BOB, room, "alice", null));
    post(room, BOB, "one");
    post(room, BOB, "two");

    JsonNode hello = open();

    assertThat(hello.path("type").asText()).isEqualTo("hello");
    assertThat(hello.path("connectionId").asText()).isEqualTo("conn-1");
    assertThat(hello.path("userId").asText()).isEqualTo("alice");
    assertThat(hello.path("unread").path("total").asLong()).isEqualTo(2);
    JsonNode unread = hello.path("unread").path("rooms").get(0);
    assertThat(unread.path("roomId").asText()).isEqualTo(room);
    assertThat(unread.path("lastRead").asLong()).isZero();
    assertThat(unread.path("lastSequence").asLong()).isEqualTo(2);
    assertThat(unread.path("unreadCount").asLong()).isEqualTo(2);
    assertThat(chat.connections().find(CONNECTION, clock.now())).isPresent();
  }

  @Test
  void aMentionedMemberHearsOfItOnAnUnsubscribedConnectionAndTheHelloCountsIt() {
    String room = room(BOB, "general", RoomType.PUBLIC);
    chat.inviteMember()
        .inviteMember(
            new dev.parley.application.port.in.InviteMemberCommand(BOB, room, "alice", null));
    post(room, BOB, "earlier, @alice.");
    open();

    long sequence = post(room, BOB, "@alice look");

    assertThat(chat.delivery().eventsFor(CONNECTION))
        .singleElement()
        .satisfies(
            event -> {
              JsonNode frame = parse(EventJson.encode(event));
              assertThat(frame.path("type").asText()).isEqualTo("event");
              assertThat(frame.path("event").asText()).isEqualTo("message.mentioned");
              assertThat(frame.path("roomId").asText()).isEqualTo(room);
              assertThat(frame.path("sequence").asLong()).isEqualTo(sequence);
              assertThat(frame.path("data").path("userId").asText()).isEqualTo("alice");
              assertThat(frame.path("data").path("by").asText()).isEqualTo("bob");
            });
    JsonNode hello = parse(((WebSocketApi.Opened) ws.open(CONNECTION, ALICE)).hello());
    assertThat(hello.path("unread").path("mentionTotal").asLong()).isEqualTo(2);
    assertThat(hello.path("unread").path("rooms").get(0).path("mentionCount").asLong())
        .isEqualTo(2);
  }

  @Test
  void sayHelloAnswersTheHelloFrameWithTheUnreadCountsOfNowAndTheRequestId() {
    open();
    String room = room(BOB, "general", RoomType.PUBLIC);
    chat.inviteMember()
        .inviteMember(
            new dev.parley.application.port.in.InviteMemberCommand(BOB, room, "alice", null));
    post(room, BOB, "posted after the connection opened");

    JsonNode hello = send("{\"action\":\"sayHello\",\"requestId\":\"h1\"}");

    assertThat(hello.path("type").asText()).isEqualTo("hello");
    assertThat(hello.path("requestId").asText()).isEqualTo("h1");
    assertThat(hello.path("connectionId").asText()).isEqualTo("conn-1");
    assertThat(hello.path("userId").asText()).isEqualTo("alice");
    assertThat(hello.path("unread").path("total").asLong()).isEqualTo(1);
  }

  @Test
  void sayHelloWithAnUnknownFieldIsMalformed() {
    JsonNode error = send("{\"action\":\"sayHello\",\"rooms\":[]}");

    assertThat(error.path("type").asText()).isEqualTo("error");
    assertThat(problemType(error)).isEqualTo("https://parley.dev/problems/malformed-request");
    assertStillWorking();
  }

  @Test
  void theClosingFrameSaysWhyTheServerCutsTheConnection() {
    JsonNode banned =
        parse(
            WebSocketApi.closing(
                dev.parley.application.port.out.EventDeliveryPort.DisconnectReason.BANNED));
    JsonNode kicked =
        parse(
            WebSocketApi.closing(
                dev.parley.application.port.out.EventDeliveryPort.DisconnectReason.KICKED));

    assertThat(banned.path("type").asText()).isEqualTo("closing");
    assertThat(banned.path("reason").asText()).isEqualTo("banned");
    assertThat(banned.path("detail").asText()).isNotBlank();
    assertThat(kicked.path("reason").asText()).isEqualTo("kicked");
  }

  // --- actions -------------------------------------------------------------------------------

  @Test
  void subscribeAnswersEachRoomOnItsOwnAllowedOrRefusedWithAProblem() {
    String open = room(ALICE, "general", RoomType.PUBLIC);
    String hidden = room(BOB, "secret", RoomType.PRIVATE);
    String banned = room(BOB, "bobs", RoomType.PUBLIC);
    chat.banMember().banMember(new BanMemberCommand(BOB, banned, "alice", null, "spam"));
    open();

    JsonNode ack =
        send(
            "{\"action\":\"subscribe\",\"requestId\":\"s1\",\"rooms\":[{\"roomId\":\""
                + open
                + "\"},{\"roomId\":\""
                + hidden
                + "\"},{\"roomId\":\""
                + banned
                + "\"},{\"roomId\":\"no-such-room\"}]}");

    assertThat(ack.path("type").asText()).isEqualTo("ack");
    assertThat(ack.path("action").asText()).isEqualTo("subscribe");
    assertThat(ack.path("requestId").asText()).isEqualTo("s1");
    JsonNode rooms = ack.path("result").path("rooms");
    assertThat(rooms).hasSize(4);
    assertThat(rooms.get(0).path("roomId").asText()).isEqualTo(open);
    assertThat(rooms.get(0).path("subscribed").asBoolean()).isTrue();
    assertThat(rooms.get(0).has("resume")).as("no afterSeq, no resume").isFalse();
    assertThat(rooms.get(0).has("problem")).isFalse();
    assertThat(rooms.get(1).path("subscribed").asBoolean()).isFalse();
    assertThat(rooms.get(1).path("problem").path("type").asText())
        .isEqualTo("https://parley.dev/problems/not-found");
    assertThat(rooms.get(1).path("problem").path("status").asInt()).isEqualTo(404);
    assertThat(rooms.get(2).path("subscribed").asBoolean()).isFalse();
    assertThat(rooms.get(2).path("problem").path("type").asText())
        .isEqualTo("https://parley.dev/problems/forbidden");
    assertThat(rooms.get(2).path("problem").path("status").asInt()).isEqualTo(403);
    assertThat(rooms.get(3).path("problem").path("status").asInt()).isEqualTo(404);

    post(open, ALICE, "after subscribing");
    post(hidden, BOB, "in the hidden room");
    assertThat(chat.delivery().eventsFor(CONNECTION))
        .singleElement()
        .satisfies(event -> assertThat(event.roomId().value()).isEqualTo(open));
  }

  @Test
  void subscribeWithAfterSeqResumesWithWhatWasMissed() {
    String room = room(ALICE, "general", RoomType.PUBLIC);
    for (int i = 1; i <= 3; i++) {
      post(room, ALICE, "m" + i);
    }
    open();

    JsonNode ack =
        send("{\"action\":\"subscribe\",\"rooms\":[{\"roomId\":\"" + room + "\",\"afterSeq\":1}]}");

    JsonNode resume = ack.path("result").path("rooms").get(0).path("resume");
    List<Long> sequences = new ArrayList<>();
    resume.path("messages").forEach(m -> sequences.add(m.path("sequence").asLong()));
    assertThat(sequences).containsExactly(2L, 3L);
    assertThat(resume.path("limited").asBoolean()).isFalse();
    assertThat(resume.has("olderCursor")).isFalse();
    assertThat(resume.path("lastSequence").asLong()).isEqualTo(3);
    assertThat(ack.has("requestId")).isFalse();
  }

  @Test
  void aLimitedResumeIsBackfilledThroughRestHistoryWithItsOlderCursor() {
    use(ChatSettings.withoutUserLimits());
    String room = room(ALICE, "busy", RoomType.PUBLIC);
    for (int i = 1; i <= 130; i++) {
      post(room, ALICE, "m" + i);
    }
    open();

    JsonNode resume =
        send("{\"action\":\"subscribe\",\"rooms\":[{\"roomId\":\"" + room + "\",\"afterSeq\":0}]}")
            .path("result")
            .path("rooms")
            .get(0)
            .path("resume");

    assertThat(resume.path("limited").asBoolean()).isTrue();
    assertThat(resume.path("messages")).hasSize(100);
    assertThat(resume.path("messages").get(0).path("sequence").asLong()).isEqualTo(31);
    assertThat(resume.path("messages").get(99).path("sequence").asLong()).isEqualTo(130);
    String cursor = resume.path("olderCursor").asText();
    assertThat(cursor).isNotEmpty();

    RestClient rest = new RestClient(chat.restApi());
    RestClient.Reply older =
        rest.get("/rooms/" + room + "/messages?limit=100&cursor=" + cursor, Tokens.of("alice"));
    assertThat(older.status()).isEqualTo(200);
    JsonNode backfill = older.json().path("messages");
    assertThat(backfill).hasSize(30);
    assertThat(backfill.get(0).path("sequence").asLong()).isEqualTo(1);
    assertThat(backfill.get(29).path("sequence").asLong()).isEqualTo(30);
    assertThat(older.json().has("olderCursor")).isFalse();
  }

  @Test
  void unsubscribeAcksTheRoomsAndStopsTheirEvents() {
    String room = room(ALICE, "general", RoomType.PUBLIC);
    open();
    send("{\"action\":\"subscribe\",\"rooms\":[{\"roomId\":\"" + room + "\"}]}");

    JsonNode ack =
        send("{\"action\":\"unsubscribe\",\"requestId\":\"u1\",\"roomIds\":[\"" + room + "\"]}");
    post(room, ALICE, "nobody listens");

    assertThat(ack.path("type").asText()).isEqualTo("ack");
    assertThat(ack.path("action").asText()).isEqualTo("unsubscribe");
    assertThat(ack.path("requestId").asText()).isEqualTo("u1");
    assertThat(ack.path("result").path("roomIds").get(0).asText()).isEqualTo(room);
    assertThat(chat.delivery().eventsFor(CONNECTION)).isEmpty();
  }

  @Test
  void postMessageAcksTheMessageAndFlagsARetryAsAReplay() {
    String room = room(ALICE, "general", RoomType.PUBLIC);
    open();
    send("{\"action\":\"subscribe\",\"rooms\":[{\"roomId\":\"" + room + "\"}]}");
    String frame =
        "{\"action\":\"postMessage\",\"requestId\":\"p1\",\"roomId\":\""
            + room
            + "\",\"text\":\"hello\",\"clientMessageId\":\"c-1\"}";

    JsonNode first = send(frame);
    JsonNode retry = send(frame.replace("p1", "p2"));

    assertThat(first.path("type").asText()).isEqualTo("ack");
    assertThat(first.path("action").asText()).isEqualTo("postMessage");
    assertThat(first.path("requestId").asText()).isEqualTo("p1");
    JsonNode message = first.path("result").path("message");
    assertThat(message.path("text").asText()).isEqualTo("hello");
    assertThat(message.path("sequence").asLong()).isEqualTo(1);
    assertThat(message.path("author").asText()).isEqualTo("alice");
    assertThat(message.path("clientMessageId").asText()).isEqualTo("c-1");
    assertThat(first.path("result").path("replay").asBoolean()).isFalse();
    assertThat(retry.path("requestId").asText()).isEqualTo("p2");
    assertThat(retry.path("result").path("replay").asBoolean()).isTrue();
    assertThat(retry.path("result").path("message").path("id").asText())
        .isEqualTo(message.path("id").asText());
    assertThat(chat.delivery().allEvents(ChatEvent.MessagePosted.class))
        .as("a replay is not broadcast again")
        .hasSize(1);
  }

  @Test
  void typingAcksWhoTypesAndDefaultsToTyping() {
    String room = room(ALICE, "general", RoomType.PUBLIC);
    open();

    JsonNode typing =
        send("{\"action\":\"typing\",\"requestId\":\"t1\",\"roomId\":\"" + room + "\"}");
    clock.advance(Duration.ofSeconds(2));
    JsonNode stopped = send("{\"action\":\"typing\",\"roomId\":\"" + room + "\",\"typing\":false}");

    assertThat(typing.path("type").asText()).isEqualTo("ack");
    assertThat(typing.path("action").asText()).isEqualTo("typing");
    assertThat(typing.path("requestId").asText()).isEqualTo("t1");
    assertThat(typing.path("result").path("typers").get(0).asText()).isEqualTo("alice");
    assertThat(typing.path("result").path("broadcast").asBoolean()).isTrue();
    assertThat(stopped.path("result").path("typers")).isEmpty();
    assertThat(stopped.path("result").path("broadcast").asBoolean()).isTrue();
  }

  @Test
  void markReadAcksTheReadMarker() {
    String room = room(BOB, "general", RoomType.PUBLIC);
    chat.inviteMember()
        .inviteMember(
            new dev.parley.application.port.in.InviteMemberCommand(BOB, room, "alice", null));
    post(room, BOB, "one");
    post(room, BOB, "two");
    open();

    JsonNode ack =
        send(
            "{\"action\":\"markRead\",\"requestId\":\"r1\",\"roomId\":\""
                + room
                + "\",\"sequence\":1}");

    assertThat(ack.path("type").asText()).isEqualTo("ack");
    assertThat(ack.path("action").asText()).isEqualTo("markRead");
    JsonNode marker = ack.path("result");
    assertThat(marker.path("roomId").asText()).isEqualTo(room);
    assertThat(marker.path("lastRead").asLong()).isEqualTo(1);
    assertThat(marker.path("lastSequence").asLong()).isEqualTo(2);
    assertThat(marker.path("unreadCount").asLong()).isEqualTo(1);
  }

  @Test
  void editMessageAcksTheEditedMessageAsRestDoesAndBroadcastsTheEdit() {
    String room = room(ALICE, "general", RoomType.PUBLIC);
    String id = postId(room, ALICE, "helo");
    open();
    send("{\"action\":\"subscribe\",\"rooms\":[{\"roomId\":\"" + room + "\"}]}");

    JsonNode ack =
        send(
            "{\"action\":\"editMessage\",\"requestId\":\"e1\",\"roomId\":\""
                + room
                + "\",\"messageId\":\""
                + id
                + "\",\"text\":\"hello\"}");

    assertThat(ack.path("type").asText()).isEqualTo("ack");
    assertThat(ack.path("action").asText()).isEqualTo("editMessage");
    assertThat(ack.path("requestId").asText()).isEqualTo("e1");
    JsonNode message = ack.path("result");
    assertThat(message.path("id").asText()).isEqualTo(id);
    assertThat(message.path("text").asText()).isEqualTo("hello");
    assertThat(message.path("editedAt").asText()).isNotEmpty();
    assertThat(message.path("reactions")).isEmpty();
    assertThat(chat.delivery().allEvents(ChatEvent.MessageEdited.class)).hasSize(1);
  }

  @Test
  void deleteMessageAcksTheTombstone() {
    String room = room(ALICE, "general", RoomType.PUBLIC);
    String id = postId(room, ALICE, "oops");
    open();
    send("{\"action\":\"subscribe\",\"rooms\":[{\"roomId\":\"" + room + "\"}]}");

    JsonNode ack =
        send(
            "{\"action\":\"deleteMessage\",\"requestId\":\"d1\",\"roomId\":\""
                + room
                + "\",\"messageId\":\""
                + id
                + "\"}");

    assertThat(ack.path("type").asText()).isEqualTo("ack");
    assertThat(ack.path("action").asText()).isEqualTo("deleteMessage");
    assertThat(ack.path("result").path("id").asText()).isEqualTo(id);
    assertThat(ack.path("result").path("deleted").asBoolean()).isTrue();
    assertThat(ack.path("result").has("text")).isFalse();
    assertThat(chat.delivery().allEvents(ChatEvent.MessageDeleted.class)).hasSize(1);
  }

  @Test
  void addAndRemoveReactionAckTheMessageWithItsReactions() {
    String room = room(ALICE, "general", RoomType.PUBLIC);
    String id = postId(room, ALICE, "nice");
    open();
    send("{\"action\":\"subscribe\",\"rooms\":[{\"roomId\":\"" + room + "\"}]}");
    String target = "\"roomId\":\"" + room + "\",\"messageId\":\"" + id + "\"";

    JsonNode added =
        send("{\"action\":\"addReaction\",\"requestId\":\"x1\"," + target + ",\"emoji\":\"👍\"}");
    JsonNode removed =
        send(
            "{\"action\":\"removeReaction\",\"requestId\":\"x2\"," + target + ",\"emoji\":\"👍\"}");

    assertThat(added.path("type").asText()).isEqualTo("ack");
    assertThat(added.path("action").asText()).isEqualTo("addReaction");
    JsonNode reaction = added.path("result").path("reactions").get(0);
    assertThat(reaction.path("emoji").asText()).isEqualTo("👍");
    assertThat(reaction.path("count").asInt()).isEqualTo(1);
    assertThat(reaction.path("users").get(0).asText()).isEqualTo("alice");
    assertThat(removed.path("action").asText()).isEqualTo("removeReaction");
    assertThat(removed.path("requestId").asText()).isEqualTo("x2");
    assertThat(removed.path("result").path("reactions")).isEmpty();
    assertThat(chat.delivery().allEvents(ChatEvent.ReactionChanged.class)).hasSize(2);
  }

  @Test
  void markUnreadAcksTheReadMarkerMovedBack() {
    String room = room(BOB, "general", RoomType.PUBLIC);
    chat.inviteMember()
        .inviteMember(
            new dev.parley.application.port.in.InviteMemberCommand(BOB, room, "alice", null));
    post(room, BOB, "one");
    post(room, BOB, "two");
    open();
    send("{\"action\":\"markRead\",\"roomId\":\"" + room + "\",\"sequence\":2}");

    JsonNode ack =
        send(
            "{\"action\":\"markUnread\",\"requestId\":\"u1\",\"roomId\":\""
                + room
                + "\",\"sequence\":1}");

    assertThat(ack.path("type").asText()).isEqualTo("ack");
    assertThat(ack.path("action").asText()).isEqualTo("markUnread");
    JsonNode marker = ack.path("result");
    assertThat(marker.path("roomId").asText()).isEqualTo(room);
    assertThat(marker.path("lastRead").asLong()).isZero();
    assertThat(marker.path("unreadCount").asLong()).isEqualTo(2);
  }

  @Test
  void theMessageActionsAreRefusedWithTheSameProblemsAsRest() {
    String room = room(BOB, "general", RoomType.PUBLIC);
    String bobs = postId(room, BOB, "bob's");
    String secret = room(BOB, "secret", RoomType.PRIVATE);
    String hidden = postId(secret, BOB, "hidden");
    chat.inviteMember()
        .inviteMember(
            new dev.parley.application.port.in.InviteMemberCommand(BOB, room, "alice", null));
    open();
    RestClient rest = new RestClient(chat.restApi());
    String alice = Tokens.of("alice");

    JsonNode notAuthor =
        send(
            "{\"action\":\"editMessage\",\"requestId\":\"n1\",\"roomId\":\""
                + room
                + "\",\"messageId\":\""
                + bobs
                + "\",\"text\":\"mine now\"}");
    RestClient.Reply restNotAuthor =
        rest.json(
            "PATCH", "/rooms/" + room + "/messages/" + bobs, alice, "{\"text\":\"mine now\"}");
    JsonNode deleteOthers =
        send(
            "{\"action\":\"deleteMessage\",\"roomId\":\""
                + room
                + "\",\"messageId\":\""
                + bobs
                + "\"}");
    JsonNode notMember =
        send(
            "{\"action\":\"addReaction\",\"roomId\":\""
                + secret
                + "\",\"messageId\":\""
                + hidden
                + "\",\"emoji\":\"👍\"}");
    JsonNode unknownMessage =
        send(
            "{\"action\":\"removeReaction\",\"roomId\":\""
                + room
                + "\",\"messageId\":\"no-such-message\",\"emoji\":\"👍\"}");
    RestClient.Reply restUnknown =
        rest.delete("/rooms/" + room + "/messages/no-such-message/reactions/%F0%9F%91%8D", alice);
    JsonNode unreadElsewhere =
        send("{\"action\":\"markUnread\",\"roomId\":\"" + secret + "\",\"sequence\":1}");

    assertThat(notAuthor.path("type").asText()).isEqualTo("error");
    assertThat(notAuthor.path("action").asText()).isEqualTo("editMessage");
    assertThat(notAuthor.path("requestId").asText()).isEqualTo("n1");
    assertThat(problemType(notAuthor)).isEqualTo(restNotAuthor.json().path("type").asText());
    assertThat(notAuthor.path("problem").path("status").asInt())
        .isEqualTo(restNotAuthor.status())
        .isEqualTo(403);
    assertThat(problemType(deleteOthers)).isEqualTo("https://parley.dev/problems/forbidden");
    assertThat(notMember.path("problem").path("status").asInt()).isEqualTo(404);
    assertThat(problemType(unknownMessage)).isEqualTo(restUnknown.json().path("type").asText());
    assertThat(unknownMessage.path("problem").path("status").asInt())
        .isEqualTo(restUnknown.status())
        .isEqualTo(404);
    assertThat(unreadElsewhere.path("problem").path("status").asInt()).isEqualTo(404);
    assertThat(chat.delivery().allEvents(ChatEvent.MessageEdited.class)).isEmpty();
    assertStillWorking();
  }

  @Test
  void pingAnswersPongAndRecordsTheHeartbeatAndActivity() {
    open();
    Instant connectedAt = clock.now();

    clock.advance(Duration.ofSeconds(30));
    JsonNode idle = send("{\"action\":\"ping\",\"requestId\":\"h1\",\"active\":false}");
    Connection afterIdle = chat.connections().find(CONNECTION, clock.now()).orElseThrow();
    clock.advance(Duration.ofSeconds(30));
    JsonNode active = send("{\"action\":\"ping\",\"active\":true}");
    Connection afterActive = chat.connections().find(CONNECTION, clock.now()).orElseThrow();

    assertThat(idle.path("type").asText()).isEqualTo("pong");
    assertThat(idle.path("requestId").asText()).isEqualTo("h1");
    assertThat(active.has("requestId")).isFalse();
    assertThat(afterIdle.lastHeartbeat()).isEqualTo(connectedAt.plusSeconds(30));
    assertThat(afterIdle.lastActivity()).isEqualTo(connectedAt);
    assertThat(afterActive.lastHeartbeat()).isEqualTo(connectedAt.plusSeconds(60));
    assertThat(afterActive.lastActivity()).isEqualTo(connectedAt.plusSeconds(60));
  }

  @Test
  void aPingKeepsAConnectionAliveBeyondTheHeartbeatTtl() {
    open();
    Duration ttl = PresenceSettings.DEFAULTS.heartbeatTtl();

    clock.advance(ttl.minusSeconds(10));
    send("{\"action\":\"ping\"}");
    clock.advance(ttl.minusSeconds(10));

    assertThat(chat.connections().find(CONNECTION, clock.now())).isPresent();
    clock.advance(Duration.ofSeconds(11));
    assertThat(chat.connections().find(CONNECTION, clock.now())).isEmpty();
  }

  @Test
  void closeForgetsTheConnectionAndMayBeCalledTwice() {
    open();

    ws.close(CONNECTION);
    ws.close(CONNECTION);

    assertThat(chat.connections().find(CONNECTION, clock.now())).isEmpty();
  }

  // --- errors --------------------------------------------------------------------------------

  static Stream<Arguments> badFrames() {
    String tooLong = "r".repeat(129);
    return Stream.of(
        Arguments.of(
            "{\"action\":\"fly\",\"requestId\":\"e1\"}", "invalid-input", "action", "fly", "e1"),
        Arguments.of("{\"requestId\":\"e2\"}", "invalid-input", "action", null, "e2"),
        Arguments.of("{\"action\":5,\"requestId\":\"e3\"}", "invalid-input", "action", null, "e3"),
        Arguments.of("[1,2]", "invalid-input", "", null, null),
        Arguments.of("\"subscribe\"", "invalid-input", "", null, null),
        Arguments.of("null", "invalid-input", "", null, null),
        Arguments.of("42", "invalid-input", "", null, null),
        Arguments.of("{bad", "malformed-request", "", null, null),
        Arguments.of("", "malformed-request", "", null, null),
        Arguments.of("{\"action\":\"ping\"} {}", "malformed-request", "", null, null),
        Arguments.of(
            "{\"action\":\"ping\",\"action\":\"ping\"}", "malformed-request", "action", null, null),
        Arguments.of(
            "{\"action\":\"ping\",\"extra\":1}", "malformed-request", "extra", "ping", null),
        Arguments.of(
            "{\"action\":\"typing\",\"requestId\":\"e4\",\"roomId\":\"r\",\"typing\":\"yes\"}",
            "malformed-request",
            "typing",
            "typing",
            "e4"),
        Arguments.of(
            "{\"action\":\"subscribe\",\"rooms\":\"all\"}",
            "malformed-request",
            "rooms",
            "subscribe",
            null),
        Arguments.of(
            "{\"action\":\"subscribe\",\"requestId\":\"e5\"}",
            "invalid-input",
            "rooms",
            "subscribe",
            "e5"),
        Arguments.of(
            "{\"action\":\"subscribe\",\"rooms\":[]}", "invalid-input", "rooms", "subscribe", null),
        Arguments.of(
            "{\"action\":\"postMessage\",\"roomId\":\"r\"}",
            "invalid-input",
            "text",
            "postMessage",
            null),
        Arguments.of(
            "{\"action\":\"postMessage\",\"roomId\":\"r\",\"text\":\"hi\",\"clientMessageId\":\" \\t\\n\"}",
            "invalid-input",
            "clientMessageId",
            "postMessage",
            null),
        Arguments.of(
            "{\"action\":\"postMessage\",\"roomId\":\"r\",\"text\":\"hi\",\"clientMessageId\":\"c\\u0000\"}",
            "invalid-input",
            "clientMessageId",
            "postMessage",
            null),
        Arguments.of(
            "{\"action\":\"postMessage\",\"roomId\":\"r\",\"text\":\"hi\",\"clientMessageId\":\"c\\u202e\"}",
            "invalid-input",
            "clientMessageId",
            "postMessage",
            null),
        Arguments.of(
            "{\"action\":\"markRead\",\"roomId\":\"r\"}",
            "invalid-input",
            "sequence",
            "markRead",
            null),
        Arguments.of(
            "{\"action\":\"markUnread\",\"requestId\":\"e6\",\"roomId\":\"r\"}",
            "invalid-input",
            "sequence",
            "markUnread",
            "e6"),
        Arguments.of(
            "{\"action\":\"markUnread\",\"roomId\":\"r\",\"sequence\":\"1\"}",
            "malformed-request",
            "sequence",
            "markUnread",
            null),
        Arguments.of(
            "{\"action\":\"editMessage\",\"roomId\":\"r\",\"messageId\":\"m\"}",
            "invalid-input",
            "text",
            "editMessage",
            null),
        Arguments.of(
            "{\"action\":\"editMessage\",\"roomId\":\"r\",\"messageId\":\"m\",\"text\":\"a\",\"pinned\":true}",
            "malformed-request",
            "pinned",
            "editMessage",
            null),
        Arguments.of(
            "{\"action\":\"deleteMessage\",\"roomId\":\"r\"}",
            "invalid-input",
            "messageId",
            "deleteMessage",
            null),
        Arguments.of(
            "{\"action\":\"addReaction\",\"roomId\":\"r\",\"messageId\":\"m\"}",
            "invalid-input",
            "emoji",
            "addReaction",
            null),
        Arguments.of(
            "{\"action\":\"addReaction\",\"roomId\":\"r\",\"messageId\":\"m\",\"emoji\":\""
                + "x".repeat(65)
                + "\"}",
            "invalid-input",
            "emoji",
            "addReaction",
            null),
        Arguments.of(
            "{\"action\":\"removeReaction\",\"roomId\":\"r\",\"messageId\":[\"m\"],\"emoji\":\"x\"}",
            "malformed-request",
            "messageId",
            "removeReaction",
            null),
        Arguments.of(
            "{\"action\":\"unsubscribe\",\"roomIds\":[]}",
            "invalid-input",
            "roomIds",
            "unsubscribe",
            null),
        Arguments.of(
            "{\"action\":\"ping\",\"requestId\":\"" + tooLong + "\"}",
            "invalid-input",
            "requestId",
            "ping",
            null));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badFrames")
  void aBadFrameGetsAnErrorFrameWithTheRestProblemTypeAndTheApiKeepsWorking(
      String frame, String type, String field, String action, String requestId) {
    open();

    JsonNode error = send(frame);

    assertThat(error.path("type").asText()).isEqualTo("error");
    assertThat(problemType(error)).isEqualTo("https://parley.dev/problems/" + type);
    assertThat(error.path("problem").path("status").asInt()).isEqualTo(400);
    assertThat(error.path("problem").path("detail").asText()).isNotBlank();
    assertThat(fields(error.path("problem"))).containsExactly(field);
    if (action == null) {
      assertThat(error.has("action")).isFalse();
    } else {
      assertThat(error.path("action").asText()).isEqualTo(action);
    }
    if (requestId == null) {
      assertThat(error.has("requestId")).isFalse();
      assertThat(error.path("problem").has("instance")).isFalse();
    } else {
      assertThat(error.path("requestId").asText()).isEqualTo(requestId);
      assertThat(error.path("problem").path("instance").asText())
          .isEqualTo("urn:parley:request:" + requestId);
    }
    assertStillWorking();
  }

  @Test
  void aPostIntoADirectRoomAcrossABlockIsAForbiddenErrorFrame() {
    String direct =
        chat.openDirectRoom()
            .openDirectRoom(
                new dev.parley.application.port.in.OpenDirectRoomCommand(ALICE, BOB.value()))
            .room()
            .id()
            .value();
    chat.blockUser()
        .blockUser(new dev.parley.application.port.in.BlockUserCommand(BOB, ALICE.value()));
    open();

    JsonNode refused =
        send(
            "{\"action\":\"postMessage\",\"requestId\":\"b1\",\"roomId\":\""
                + direct
                + "\",\"text\":\"hi\"}");

    assertThat(refused.path("type").asText()).isEqualTo("error");
    assertThat(refused.path("requestId").asText()).isEqualTo("b1");
    assertThat(problemType(refused)).isEqualTo(ProblemType.FORBIDDEN.uri());
    assertThat(refused.path("problem").path("status").asInt()).isEqualTo(403);
    assertThat(refused.path("problem").path("reason").asText()).isEqualTo("blocked");
    assertThat(refused.has("retryAfter")).isFalse();
    assertStillWorking();
  }

  @Test
  void aRefusalOfTheCoreIsAnErrorFrameWithTheSameProblemAsRest() {
    String room = room(BOB, "general", RoomType.PUBLIC);
    chat.inviteMember()
        .inviteMember(
            new dev.parley.application.port.in.InviteMemberCommand(BOB, room, "alice", null));
    chat.muteMember().muteMember(new MuteMemberCommand(BOB, room, "alice", null));
    open();

    JsonNode muted =
        send(
            "{\"action\":\"postMessage\",\"requestId\":\"m1\",\"roomId\":\""
                + room
                + "\",\"text\":\"hi\"}");
    JsonNode missing = send("{\"action\":\"postMessage\",\"roomId\":\"nope\",\"text\":\"hi\"}");

    assertThat(muted.path("type").asText()).isEqualTo("error");
    assertThat(muted.path("action").asText()).isEqualTo("postMessage");
    assertThat(problemType(muted)).isEqualTo("https://parley.dev/problems/forbidden");
    assertThat(muted.path("problem").path("status").asInt()).isEqualTo(403);
    assertThat(muted.path("problem").path("reason").asText()).isEqualTo("muted");
    assertThat(muted.path("problem").path("instance").asText()).isEqualTo("urn:parley:request:m1");
    assertThat(problemType(missing)).isEqualTo("https://parley.dev/problems/not-found");
    assertStillWorking();
  }

  @Test
  void aRateLimitedPostIsAnErrorFrame() {
    use(ChatSettings.DEFAULTS.withPostLimit(new Limit(1, Duration.ofMinutes(1))));
    String room = room(ALICE, "general", RoomType.PUBLIC);
    open();
    String frame = "{\"action\":\"postMessage\",\"roomId\":\"" + room + "\",\"text\":\"hi\"}";

    assertThat(send(frame).path("type").asText()).isEqualTo("ack");
    clock.advance(Duration.ofSeconds(15));
    JsonNode limited = send(frame);

    assertThat(problemType(limited)).isEqualTo("https://parley.dev/problems/rate-limited");
    assertThat(limited.path("problem").path("status").asInt()).isEqualTo(429);
    assertThat(limited.path("retryAfter").asLong()).isEqualTo(45);
    assertStillWorking();
  }

  @Test
  void aRateLimitedEditOrDeletionIsAnErrorFrameWithRetryAfterSharingRestsCounter() {
    use(ChatSettings.DEFAULTS.withOtherWriteLimits(new Limit(1, Duration.ofMinutes(1))));
    String room = room(ALICE, "general", RoomType.PUBLIC);
    String one = postId(room, ALICE, "one");
    String two = postId(room, ALICE, "two");
    open();
    RestClient.Reply restEdit =
        new RestClient(chat.restApi())
            .json(
                "PATCH",
                "/rooms/" + room + "/messages/" + one,
                Tokens.of("alice"),
                "{\"text\":\"over REST\"}");
    assertThat(restEdit.status()).as("%s", restEdit).isEqualTo(200);
    send(
        "{\"action\":\"deleteMessage\",\"roomId\":\"" + room + "\",\"messageId\":\"" + one + "\"}");
    clock.advance(Duration.ofSeconds(20));

    JsonNode edit =
        send(
            "{\"action\":\"editMessage\",\"requestId\":\"l1\",\"roomId\":\""
                + room
                + "\",\"messageId\":\""
                + two
                + "\",\"text\":\"again\"}");
    JsonNode delete =
        send(
            "{\"action\":\"deleteMessage\",\"roomId\":\""
                + room
                + "\",\"messageId\":\""
                + two
                + "\"}");

    for (JsonNode limited : List.of(edit, delete)) {
      assertThat(limited.path("type").asText()).isEqualTo("error");
      assertThat(problemType(limited)).isEqualTo("https://parley.dev/problems/rate-limited");
      assertThat(limited.path("problem").path("status").asInt()).isEqualTo(429);
      assertThat(limited.path("retryAfter").asLong()).isEqualTo(40);
    }
    assertThat(edit.path("action").asText()).isEqualTo("editMessage");
    assertThat(edit.path("requestId").asText()).isEqualTo("l1");
    assertStillWorking();
  }

  @Test
  void theActionsAreTheDocumentedOnes() {
    assertThat(WebSocketApi.ACTIONS)
        .containsExactly(
            "subscribe",
            "unsubscribe",
            "postMessage",
            "editMessage",
            "deleteMessage",
            "addReaction",
            "removeReaction",
            "typing",
            "markRead",
            "markUnread",
            "ping",
            "sayHello");
    assertThat(WebSocketApi.MAX_FRAME_BYTES).isEqualTo(128 * 1024);
  }

  @Test
  void anUnexpectedFaultWhileOpeningIsARefusalCarryingTheFault() {
    IllegalStateException bug = new IllegalStateException("clock broke");
    WebSocketApi broken =
        ProtocolTestComponent.create(
                ChatSettings.DEFAULTS,
                () -> {
                  throw bug;
                })
            .webSocketApi();

    WebSocketApi.Opening opening = broken.open(CONNECTION, ALICE);

    assertThat(opening).isInstanceOf(WebSocketApi.Refused.class);
    WebSocketApi.Refused refused = (WebSocketApi.Refused) opening;
    assertThat(refused.problem().type()).isEqualTo(ProblemType.INTERNAL);
    assertThat(refused.fault()).isSameAs(bug);
  }

  @Test
  void aFrameOnAnUnregisteredConnectionAsksTheClientToReconnect() {
    WebSocketApi.Reply reply = ws.receive(ConnectionId.of("conn-unknown"), "{\"action\":\"ping\"}");

    JsonNode error = parse(reply.frame());
    assertThat(error.get("type").asText()).isEqualTo("error");
    assertThat(error.at("/problem/status").asInt()).isEqualTo(401);
    assertThat(error.at("/problem/detail").asText()).contains("reconnect");
    assertThat(reply.fault()).isNull();
  }

  @Test
  void aFrameOnARegisteredConnectionIsTheOwnersWithoutNamingThem() {
    open();

    JsonNode pong =
        parse(ws.receive(CONNECTION, "{\"action\":\"ping\",\"requestId\":\"p\"}").frame());

    assertThat(pong.get("type").asText()).isEqualTo("pong");
    assertThat(pong.get("requestId").asText()).isEqualTo("p");
  }
}
