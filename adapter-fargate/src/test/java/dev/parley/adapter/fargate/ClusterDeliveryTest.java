package dev.parley.adapter.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.port.out.EventDeliveryPort.DisconnectReason;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.cluster.ClusterMessage;
import dev.parley.protocol.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One node of a cluster: what it tells the other nodes, and what it does with what they say. */
class ClusterDeliveryTest {
  private static final ConnectionId ELSEWHERE = ConnectionId.of("c-on-another-node");
  private static final ConnectionId GONE = ConnectionId.of("c-gone");

  private TestServer chat;
  private JettyWebSocketDeliveryAdapter delivery;
  private RecordingClusterBus cluster;
  private WsClient carol;
  private ConnectionId here;

  @BeforeEach
  void start() throws Exception {
    chat = TestServer.start();
    delivery = chat.component.delivery();
    cluster = chat.component.cluster();
    carol = new WsClient();
    chat.connectAsync(
            b -> b.header("Authorization", "Bearer " + TestServer.token("carol")), "", carol)
        .get(10, java.util.concurrent.TimeUnit.SECONDS);
    here = ConnectionId.of(carol.next("hello").get("connectionId").asText());
  }

  @AfterEach
  void stop() {
    chat.close();
  }

  private static ChatEvent typing() {
    return new ChatEvent.TypingChanged(
        RoomId.of("room-1"), List.of(UserId.of("dave")), Instant.now());
  }

  @Test
  void anEventForConnectionsElsewhereIsPublishedOnceAsTheFrameTheLocalSocketGot() throws Exception {
    delivery.deliver(typing(), List.of(ELSEWHERE, here, GONE));

    JsonNode received = carol.next("event");
    assertThat(cluster.published()).hasSize(1);
    ClusterMessage.Frame published = (ClusterMessage.Frame) cluster.published().getFirst();
    assertThat(published.recipients()).containsExactly(ELSEWHERE, GONE);
    assertThat(Json.readTree(published.frame().getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(received);
  }

  @Test
  void anEventOnlyForSocketsHeldHereStaysHere() throws Exception {
    delivery.deliver(typing(), List.of(here));

    assertThat(carol.next("event").get("event").asText()).isEqualTo("typing.changed");
    assertThat(cluster.published()).isEmpty();
  }

  @Test
  void aFrameFromAnotherNodeReachesTheSocketHeldHereAsIsAndGoesNoFurther() throws Exception {
    // Not an event this node could have encoded: the frame is forwarded, never decoded.
    String frame = "{\"type\":\"event\",\"event\":\"from.elsewhere\",\"n\":42}";

    cluster.arrive(new ClusterMessage.Frame(frame, List.of(GONE, here)));

    JsonNode received = carol.next("event");
    assertThat(received.get("event").asText()).isEqualTo("from.elsewhere");
    assertThat(received.get("n").asInt()).isEqualTo(42);
    assertThat(cluster.published()).isEmpty();
  }

  @Test
  void aBanOfAConnectionElsewhereIsPublishedAndTheSocketHereStaysOpen() throws Exception {
    delivery.disconnect(List.of(ELSEWHERE), DisconnectReason.BANNED);

    assertThat(cluster.published())
        .containsExactly(
            new ClusterMessage.Disconnect(List.of(ELSEWHERE), DisconnectReason.BANNED));
    assertThat(carol.isClosed()).isFalse();
  }

  @Test
  void aKickFromAnotherNodeClosesTheSocketHeldHereWith1008() throws Exception {
    cluster.arrive(new ClusterMessage.Disconnect(List.of(here), DisconnectReason.KICKED));

    WsClient.Closed closed = carol.awaitClose();
    assertThat(closed.code()).isEqualTo(1008);
    assertThat(closed.reason()).isEqualTo("kicked");
    assertThat(cluster.published()).isEmpty();
  }
}
