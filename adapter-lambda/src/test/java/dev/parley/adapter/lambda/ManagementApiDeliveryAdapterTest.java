package dev.parley.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.application.port.out.EventDeliveryPort.DisconnectReason;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.presence.Connection;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real SDK client against a loopback {@code @connections} API. */
class ManagementApiDeliveryAdapterTest {
  private TestRuntime test;
  private ManagementApiDeliveryAdapter delivery;
  private ConnectionRegistryPort registry;
  private final Instant now = Instant.now();

  @BeforeEach
  void start() throws Exception {
    test = TestRuntime.withEndpoint();
    delivery = test.runtime.delivery();
    registry = test.runtime.connections();
  }

  @AfterEach
  void stop() {
    test.close();
  }

  private ConnectionId register(String id, String user) {
    ConnectionId connection = ConnectionId.of(id);
    registry.register(
        Connection.open(connection, UserId.of(user), now), now.plus(1, ChronoUnit.HOURS));
    return connection;
  }

  private static ChatEvent event() {
    return new ChatEvent.MemberLeft(RoomId.of("room-1"), UserId.of("bob"), Instant.now());
  }

  @Test
  void postsTheEncodedEventToEachRecipientAndNobodyElse() throws Exception {
    test.connections.connect("conn-a=", "conn-b=", "conn-c=");
    delivery.deliver(event(), List.of(register("conn-a=", "alice"), register("conn-b=", "bob")));

    assertThat(test.connections.framesTo("conn-a=")).hasSize(1);
    assertThat(test.connections.framesTo("conn-b=")).hasSize(1);
    assertThat(test.connections.framesTo("conn-c=")).isEmpty();
    JsonNode frame = Events.MAPPER.readTree(test.connections.framesTo("conn-a=").getFirst());
    assertThat(frame.get("type").asText()).isEqualTo("event");
    assertThat(frame.get("event").asText()).isEqualTo("member.left");
    assertThat(frame.get("roomId").asText()).isEqualTo("room-1");
    assertThat(test.connections.framesTo("conn-b="))
        .isEqualTo(test.connections.framesTo("conn-a="));
  }

  @Test
  void fansOutToManyRecipientsConcurrently() {
    List<ConnectionId> recipients = new ArrayList<>();
    IntStream.range(0, 80)
        .forEach(
            i -> {
              test.connections.connect("c" + i);
              recipients.add(register("c" + i, "user" + i));
            });
    delivery.deliver(event(), recipients);
    for (int i = 0; i < 80; i++) {
      assertThat(test.connections.framesTo("c" + i)).as("c" + i).hasSize(1);
    }
  }

  @Test
  void aGoneConnectionIsRemovedFromTheRegistryAndOnlyThatOne() {
    test.connections.connect("conn-a", "conn-c");
    ConnectionId a = register("conn-a", "alice");
    ConnectionId gone = register("conn-b", "bob");
    ConnectionId c = register("conn-c", "carol");

    delivery.deliver(event(), List.of(a, gone, c));

    assertThat(registry.find(gone, now)).isEmpty();
    assertThat(registry.find(a, now)).isPresent();
    assertThat(registry.find(c, now)).isPresent();
    assertThat(test.connections.framesTo("conn-a")).hasSize(1);
    assertThat(test.connections.framesTo("conn-c")).hasSize(1);
  }

  @Test
  void throttledPostsAreRetriedWithBackoff() {
    test.connections.connect("conn-a");
    test.connections.throttle("conn-a", 2);

    delivery.deliver(event(), List.of(register("conn-a", "alice")));

    assertThat(test.connections.postAttempts("conn-a")).isEqualTo(3);
    assertThat(test.connections.framesTo("conn-a")).hasSize(1);
  }

  @Test
  void givesUpAfterTheLastAttemptWithoutDroppingTheConnection() {
    test.connections.connect("conn-a");
    test.connections.throttle("conn-a", 10);
    ConnectionId a = register("conn-a", "alice");

    delivery.deliver(event(), List.of(a));

    assertThat(test.connections.postAttempts("conn-a")).isEqualTo(3);
    assertThat(test.connections.framesTo("conn-a")).isEmpty();
    assertThat(registry.find(a, now)).isPresent();
  }

  @Test
  void disconnectDeletesEachConnection() {
    test.connections.connect("conn-a", "conn-b");
    ConnectionId a = register("conn-a", "alice");
    ConnectionId b = register("conn-b", "alice");

    delivery.disconnect(List.of(a, b), DisconnectReason.BANNED);

    assertThat(test.connections.deleted()).containsExactlyInAnyOrder("conn-a", "conn-b");
    assertThat(registry.find(a, now)).isEmpty();
    assertThat(registry.find(b, now)).isEmpty();
  }

  @Test
  void aBannedConnectionIsToldWhyBeforeItIsDeleted() throws Exception {
    test.connections.connect("conn-a");
    ConnectionId a = register("conn-a", "alice");

    delivery.disconnect(List.of(a), DisconnectReason.BANNED);

    assertThat(test.connections.framesTo("conn-a")).hasSize(1);
    JsonNode closing = Events.MAPPER.readTree(test.connections.framesTo("conn-a").getFirst());
    assertThat(closing.get("type").asText()).isEqualTo("closing");
    assertThat(closing.get("reason").asText()).isEqualTo("banned");
    assertThat(test.connections.deleted()).containsExactly("conn-a");
  }

  @Test
  void aConnectionGoneBeforeItsClosingFrameIsForgottenWithoutADelete() {
    ConnectionId gone = register("conn-gone", "alice");

    delivery.disconnect(List.of(gone), DisconnectReason.KICKED);

    assertThat(test.connections.deleted()).isEmpty();
    assertThat(registry.find(gone, now)).isEmpty();
  }

  @Test
  void cachesOneClientPerEndpoint() {
    assertThat(delivery.client(delivery.endpoint())).isSameAs(delivery.client(delivery.endpoint()));
  }

  @Test
  void withoutAnyEndpointNothingIsPosted() throws Exception {
    try (TestRuntime learning = TestRuntime.learningEndpoint()) {
      learning.connections.connect("conn-a");
      learning.runtime.delivery().deliver(event(), List.of(ConnectionId.of("conn-a")));
      assertThat(learning.connections.postAttempts("conn-a")).isZero();

      learning.runtime.delivery().useEndpointOf(learning.connections.domainName(), "prod");
      learning.runtime.delivery().deliver(event(), List.of(ConnectionId.of("conn-a")));
      assertThat(learning.connections.framesTo("conn-a")).hasSize(1);
    }
  }
}
