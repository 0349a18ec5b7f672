package dev.parley.testkit.adapter;

import static dev.parley.testkit.fixture.MessageBuilder.aMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.parley.application.port.out.EventDeliveryPort;
import dev.parley.application.port.out.EventDeliveryPort.DisconnectReason;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.testkit.contract.EventDeliveryPortContract;
import dev.parley.testkit.fixture.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryEventDeliveryAdapterTest extends EventDeliveryPortContract {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private final InMemoryEventDeliveryAdapter adapter = new InMemoryEventDeliveryAdapter();

  @Override
  protected EventDeliveryPort delivery() {
    return adapter;
  }

  private static ChatEvent posted() {
    return new ChatEvent.MessagePosted(aMessage().build(), NOW);
  }

  @Test
  void recordsEachEventForEachRecipientInDeliveryOrder() {
    ConnectionId phone = Ids.connection();
    ConnectionId laptop = Ids.connection();
    ChatEvent first = posted();
    ChatEvent.TypingChanged second =
        new ChatEvent.TypingChanged(Ids.room(), List.of(Ids.user()), NOW);

    adapter.deliver(first, List.of(phone, laptop));
    adapter.deliver(second, List.of(laptop));

    assertThat(adapter.eventsFor(phone)).containsExactly(first);
    assertThat(adapter.eventsFor(laptop)).containsExactly(first, second);
    assertThat(adapter.eventsFor(Ids.connection())).isEmpty();
    assertThat(adapter.allEvents()).containsExactly(first, second);
    assertThat(adapter.allEvents(ChatEvent.TypingChanged.class)).containsExactly(second);
  }

  @Test
  void deliveryWithoutRecipientsIsNotRecordedAndReachesNoListener() {
    List<ChatEvent> heard = new ArrayList<>();
    adapter.onDeliver((event, recipients) -> heard.add(event));

    adapter.deliver(posted(), List.of());

    assertThat(adapter.allEvents()).isEmpty();
    assertThat(heard).isEmpty();
  }

  @Test
  void recordsTheLatestReasonOfEveryDisconnect() {
    ConnectionId kicked = Ids.connection();
    ConnectionId banned = Ids.connection();

    adapter.disconnect(List.of(kicked, banned), DisconnectReason.KICKED);
    adapter.disconnect(List.of(banned), DisconnectReason.BANNED);

    assertThat(adapter.disconnects())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(kicked, DisconnectReason.KICKED, banned, DisconnectReason.BANNED));
  }

  @Test
  void clearForgetsEverythingRecorded() {
    ConnectionId connection = Ids.connection();
    adapter.deliver(posted(), List.of(connection));
    adapter.disconnect(List.of(connection), DisconnectReason.KICKED);

    adapter.clear();

    assertThat(adapter.allEvents()).isEmpty();
    assertThat(adapter.eventsFor(connection)).isEmpty();
    assertThat(adapter.disconnects()).isEmpty();
  }

  @Test
  void listenersHearDeliveriesAndDisconnectsEvenWhenRecordingIsOff() {
    List<Collection<ConnectionId>> delivered = new ArrayList<>();
    List<DisconnectReason> reasons = new ArrayList<>();
    adapter.onDeliver((event, recipients) -> delivered.add(recipients));
    adapter.onDisconnect((connections, reason) -> reasons.add(reason));
    adapter.recording(false);
    ConnectionId connection = Ids.connection();

    adapter.deliver(posted(), List.of(connection));
    adapter.disconnect(List.of(connection), DisconnectReason.BANNED);

    assertThat(delivered).containsExactly(List.of(connection));
    assertThat(reasons).containsExactly(DisconnectReason.BANNED);
    assertThat(adapter.allEvents()).isEmpty();
    assertThat(adapter.disconnects()).isEmpty();
  }

  @Test
  void aFailingListenerIsCountedAndDoesNotFailTheDelivery() {
    adapter.onDeliver(
        (event, recipients) -> {
          throw new IllegalStateException("socket closed");
        });
    ConnectionId connection = Ids.connection();

    assertThatCode(() -> adapter.deliver(posted(), List.of(connection))).doesNotThrowAnyException();

    assertThat(adapter.listenerFailures()).isEqualTo(1);
    assertThat(adapter.eventsFor(connection)).hasSize(1);
  }

  @Test
  void concurrentDeliveriesAreAllRecorded() throws InterruptedException {
    ConnectionId connection = Ids.connection();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < 500; i++) {
                      adapter.deliver(posted(), List.of(connection));
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(adapter.eventsFor(connection)).hasSize(4_000);
    assertThat(adapter.allEvents()).hasSize(4_000);
  }
}
