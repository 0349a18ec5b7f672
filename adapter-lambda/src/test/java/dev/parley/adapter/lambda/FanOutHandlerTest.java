package dev.parley.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.domain.presence.Connection;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fan-out function with the real SDK client against a loopback {@code @connections} API. */
class FanOutHandlerTest {
  private static final String FRAME = "{\"type\":\"event\",\"event\":\"message.posted\"}";

  private TestRuntime test;
  private FanOutHandler handler;
  private ConnectionRegistryPort registry;
  private final Instant now = Instant.now();

  @BeforeEach
  void start() throws Exception {
    // No configured endpoint: the function posts where the batch says.
    test = TestRuntime.learningEndpoint();
    handler = new FanOutHandler(test.runtime);
    registry = test.runtime.connections();
  }

  @AfterEach
  void stop() {
    test.close();
  }

  private ConnectionId register(String id) {
    ConnectionId connection = ConnectionId.of(id);
    registry.register(
        Connection.open(connection, UserId.of("user-" + id), now), now.plus(1, ChronoUnit.HOURS));
    return connection;
  }

  private FanOutBatch batch(List<String> ids) {
    return new FanOutBatch(test.endpoint().toString(), FRAME, ids);
  }

  @Test
  void postsTheFrameToEveryConnectionOfTheBatch() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      ids.add(register("c" + i).value());
      test.connections.connect("c" + i);
    }

    FanOutReport report = handler.handleRequest(batch(ids), null);

    assertThat(report.getPosted()).isEqualTo(50);
    assertThat(report.getGone()).isZero();
    assertThat(report.getFailed()).isZero();
    assertThat(ids)
        .allSatisfy(id -> assertThat(test.connections.framesTo(id)).containsExactly(FRAME));
  }

  @Test
  void aGoneConnectionIsRemovedFromTheRegistryAndOnlyThatOne() {
    ConnectionId a = register("conn-a");
    ConnectionId gone = register("conn-gone");
    ConnectionId c = register("conn-c");
    test.connections.connect("conn-a", "conn-c");

    FanOutReport report =
        handler.handleRequest(batch(List.of("conn-a", "conn-gone", "conn-c")), null);

    assertThat(report.getPosted()).isEqualTo(2);
    assertThat(report.getGone()).isEqualTo(1);
    assertThat(registry.find(gone, now)).isEmpty();
    assertThat(registry.find(a, now)).isPresent();
    assertThat(registry.find(c, now)).isPresent();
  }

  @Test
  void throttledPostsAreRetriedAndThoseThrottledToTheEndCountAsFailed() {
    register("conn-a");
    register("conn-b");
    test.connections.connect("conn-a", "conn-b");
    test.connections.throttle("conn-a", 2);
    test.connections.throttle("conn-b", 10);

    FanOutReport report = handler.handleRequest(batch(List.of("conn-a", "conn-b")), null);

    assertThat(test.connections.framesTo("conn-a")).containsExactly(FRAME);
    assertThat(test.connections.postAttempts("conn-a")).isEqualTo(3);
    assertThat(report.getPosted()).isEqualTo(1);
    assertThat(report.getFailed()).isEqualTo(1);
  }

  @Test
  void aPayloadThatIsNoBatchIsRefusedSoThatLambdaKeepsItInSight() {
    test.connections.connect("conn-a");

    assertThatThrownBy(() -> handler.handleRequest(new FanOutBatch(), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> handler.handleRequest(new FanOutBatch("not a url", FRAME, List.of()), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> handler.handleRequest(batch(List.of("conn-a", "no such id!\n")), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(test.connections.postAttempts("conn-a")).isZero();
  }

  @Test
  void handlesTheBatchAsTheLambdaRuntimeBindsItFromJson() throws Exception {
    register("conn-a");
    test.connections.connect("conn-a");
    String payload =
        "{\"endpoint\":\""
            + test.endpoint()
            + "\",\"frame\":"
            + new ObjectMapper().writeValueAsString(FRAME)
            + ",\"connectionIds\":[\"conn-a\"]}";

    FanOutBatch bound =
        new ObjectMapper().readValue(payload.getBytes(StandardCharsets.UTF_8), FanOutBatch.class);

    assertThat(handler.handleRequest(bound, null).getPosted()).isEqualTo(1);
    assertThat(test.connections.framesTo("conn-a")).containsExactly(FRAME);
  }
}
