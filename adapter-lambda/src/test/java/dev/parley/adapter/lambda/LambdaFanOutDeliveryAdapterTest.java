package dev.parley.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.application.port.out.EventDeliveryPort.DisconnectReason;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.presence.Connection;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.json.EventJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real SDK clients against loopback Lambda and {@code @connections} APIs: which events are
 * handed to the fan-out function, in which batches, and what happens when that fails.
 */
class LambdaFanOutDeliveryAdapterTest {
  private static final String FUNCTION = "parley-fanout";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeLambdaServer lambda;
  private TestRuntime test;
  private final ChatEvent event =
      new ChatEvent.MemberLeft(RoomId.of("room-1"), UserId.of("bob"), Instant.now());

  LambdaFanOutDeliveryAdapterTest() throws Exception {
    lambda = new FakeLambdaServer();
  }

  @AfterEach
  void stop() {
    lambda.close();
    if (test != null) {
      test.close();
    }
  }

  private LambdaFanOutDeliveryAdapter delivery(String function, int threshold) throws Exception {
    test = TestRuntime.withFanOut(new LambdaConfig.FanOut(function, threshold, lambda.endpoint()));
    return test.runtime.fanOutDelivery();
  }

  /** Registered and live connections {@code c0} to {@code c<count-1>}. */
  private List<ConnectionId> connections(int count) {
    Instant now = Instant.now();
    List<ConnectionId> connections = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ConnectionId id = ConnectionId.of("c" + i);
      test.runtime
          .connections()
          .register(Connection.open(id, UserId.of("user" + i), now), now.plus(1, ChronoUnit.HOURS));
      test.connections.connect(id.value());
      connections.add(id);
    }
    return connections;
  }

  private FanOutBatch batchOf(FakeLambdaServer.Invocation invocation) throws Exception {
    return JSON.readValue(invocation.payload(), FanOutBatch.class);
  }

  @Test
  void anEventForMoreRecipientsThanTheThresholdIsHandedToTheFanOutFunctionInBatches()
      throws Exception {
    LambdaFanOutDeliveryAdapter delivery = delivery(FUNCTION, 10);
    List<ConnectionId> recipients = connections(2_500);

    delivery.deliver(event, recipients);

    assertThat(lambda.invocations()).hasSize(3);
    List<String> handedOff = new ArrayList<>();
    for (FakeLambdaServer.Invocation invocation : lambda.invocations()) {
      assertThat(invocation.function()).isEqualTo(FUNCTION);
      assertThat(invocation.invocationType()).isEqualTo("Event");
      assertThat(invocation.payload()).hasSizeLessThan(FanOutBatches.ASYNC_PAYLOAD_LIMIT);
      FanOutBatch batch = batchOf(invocation);
      assertThat(batch.getFrame()).isEqualTo(EventJson.encode(event));
      assertThat(batch.getEndpoint()).isEqualTo(test.endpoint().toString());
      handedOff.addAll(batch.getConnectionIds());
    }
    assertThat(handedOff)
        .containsExactlyInAnyOrderElementsOf(recipients.stream().map(ConnectionId::value).toList());
    // The request posted nothing itself: that is the fan-out function's work.
    assertThat(recipients)
        .allSatisfy(r -> assertThat(test.connections.postAttempts(r.value())).isZero());
  }

  @Test
  void anEventForAtMostTheThresholdIsPostedInTheRequest() throws Exception {
    LambdaFanOutDeliveryAdapter delivery = delivery(FUNCTION, 10);
    List<ConnectionId> recipients = connections(10);

    delivery.deliver(event, recipients);

    assertThat(lambda.invocations()).isEmpty();
    assertThat(recipients)
        .allSatisfy(r -> assertThat(test.connections.framesTo(r.value())).hasSize(1));
  }

  @Test
  void withoutAFanOutFunctionEveryEventIsPostedInTheRequest() throws Exception {
    LambdaFanOutDeliveryAdapter delivery = delivery(null, 0);
    List<ConnectionId> recipients = connections(50);

    delivery.deliver(event, recipients);

    assertThat(lambda.invocations()).isEmpty();
    assertThat(recipients)
        .allSatisfy(r -> assertThat(test.connections.framesTo(r.value())).hasSize(1));
  }

  @Test
  void aBatchWhoseInvocationFailsIsPostedInTheRequestInstead() throws Exception {
    LambdaFanOutDeliveryAdapter delivery = delivery(FUNCTION, 10);
    List<ConnectionId> recipients = connections(30);
    lambda.refuse();

    delivery.deliver(event, recipients);

    assertThat(lambda.invocations()).isNotEmpty();
    assertThat(recipients)
        .allSatisfy(
            r ->
                assertThat(test.connections.framesTo(r.value()))
                    .containsExactly(EventJson.encode(event)));
  }

  @Test
  void disconnectsAreNeverHandedOff() throws Exception {
    LambdaFanOutDeliveryAdapter delivery = delivery(FUNCTION, 0);
    List<ConnectionId> targets = connections(20);

    delivery.disconnect(targets, DisconnectReason.BANNED);

    assertThat(lambda.invocations()).isEmpty();
    assertThat(test.connections.deleted())
        .containsExactlyInAnyOrderElementsOf(targets.stream().map(ConnectionId::value).toList());
  }
}
