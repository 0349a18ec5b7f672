package dev.parley.adapter.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.port.out.EventDeliveryPort.DisconnectReason;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventDeliveryTest {
  private TestServer chat;
  private String roomId;

  @BeforeEach
  void start() throws Exception {
    chat = TestServer.start();
    roomId = chat.createRoom("alice");
    assertThat(chat.send("POST", "/rooms/" + roomId + "/members", "bob", null).statusCode())
        .isEqualTo(200);
  }

  @AfterEach
  void stop() {
    chat.close();
  }

  @Test
  void deliversAnEventToExactlyTheSubscribedConnections() throws Exception {
    WsClient subscribed = chat.connect("bob");
    TestServer.subscribe(subscribed, roomId);
    WsClient idle = chat.connect("bob");

    assertThat(
            chat.send("POST", "/rooms/" + roomId + "/messages", "alice", "{\"text\":\"hi bob\"}")
                .statusCode())
        .isEqualTo(201);

    JsonNode event = subscribed.next("event");
    assertThat(event.get("event").asText()).isEqualTo("message.posted");
    assertThat(event.get("roomId").asText()).isEqualTo(roomId);
    assertThat(event.at("/data/text").asText()).isEqualTo("hi bob");
    // Frames of one socket arrive in order, and the event was queued before the 201 went out:
    // had it been sent to this socket, it would come before the pong.
    idle.send("{\"action\":\"ping\",\"requestId\":\"after\"}");
    assertThat(idle.next().get("type").asText()).isEqualTo("pong");
    assertThat(idle.pending()).isZero();
  }

  @Test
  void skipsRecipientsConnectedElsewhere() throws Exception {
    WsClient carol = new WsClient();
    chat.connectAsync(
            b -> b.header("Authorization", "Bearer " + TestServer.token("carol")), "", carol)
        .get(10, java.util.concurrent.TimeUnit.SECONDS);
    ConnectionId here = ConnectionId.of(carol.next("hello").get("connectionId").asText());
    ConnectionId elsewhere = ConnectionId.of("c-on-another-node");
    JettyWebSocketDeliveryAdapter delivery = chat.component.delivery();

    delivery.deliver(
        new ChatEvent.TypingChanged(RoomId.of(roomId), List.of(UserId.of("dave")), Instant.now()),
        List.of(elsewhere, here));
    delivery.disconnect(List.of(elsewhere), DisconnectReason.BANNED);

    assertThat(carol.next("event").get("event").asText()).isEqualTo("typing.changed");
    assertThat(carol.isClosed()).isFalse();
    assertThat(delivery.sessionCount()).isEqualTo(1);
  }

  @Test
  void aKickClosesTheTargetsSocketWith1008() throws Exception {
    WsClient bob = chat.connect("bob");
    TestServer.subscribe(bob, roomId);
    WsClient alice = chat.connect("alice");
    TestServer.subscribe(alice, roomId);

    assertThat(chat.send("DELETE", "/rooms/" + roomId + "/members/bob", "alice", null).statusCode())
        .isEqualTo(204);

    assertThat(lastFrameBeforeClose(bob).get("reason").asText()).isEqualTo("kicked");
    WsClient.Closed closed = bob.awaitClose();
    assertThat(closed.code()).isEqualTo(1008);
    assertThat(closed.reason()).isEqualTo("kicked");
    // The moderator's socket is untouched, and heard about it.
    assertThat(alice.next("event").get("event").asText()).isEqualTo("member.kicked");
    assertThat(alice.isClosed()).isFalse();
  }

  @Test
  void aBanClosesTheTargetsSocketWith1008() throws Exception {
    WsClient bob = chat.connect("bob");
    TestServer.subscribe(bob, roomId);

    assertThat(
            chat.send("PUT", "/rooms/" + roomId + "/bans/bob", "alice", "{\"reason\":\"spam\"}")
                .statusCode())
        .isEqualTo(200);

    JsonNode closing = lastFrameBeforeClose(bob);
    assertThat(closing.get("type").asText()).isEqualTo("closing");
    assertThat(closing.get("reason").asText()).isEqualTo("banned");
    assertThat(closing.get("detail").asText()).contains("banned");
    WsClient.Closed closed = bob.awaitClose();
    assertThat(closed.code()).isEqualTo(1008);
    assertThat(closed.reason()).isEqualTo("banned");
  }

  /** Reads past the events the target heard about its own removal, to the frame after them. */
  private static JsonNode lastFrameBeforeClose(WsClient client) throws Exception {
    JsonNode frame = client.next();
    while (frame.path("type").asText().equals("event")) {
      frame = client.next();
    }
    return frame;
  }
}
