package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.Instants.T0;
import static dev.parley.testkit.fixture.MessageBuilder.aMessage;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.parley.application.port.out.EventDeliveryPort;
import dev.parley.application.port.out.EventDeliveryPort.DisconnectReason;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.testkit.fixture.Ids;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The portable part of the contract of {@link EventDeliveryPort}: delivery is best effort and never
 * throws, whoever the recipients are. What arrives where is adapter-specific and tested with each
 * adapter.
 */
public abstract class EventDeliveryPortContract {

  /** The delivery under test. */
  protected abstract EventDeliveryPort delivery();

  private static ChatEvent posted() {
    return new ChatEvent.MessagePosted(aMessage().build(), T0);
  }

  @Test
  public void deliveringToNobodyDoesNotThrow() {
    assertThatCode(() -> delivery().deliver(posted(), List.of())).doesNotThrowAnyException();
  }

  @Test
  public void deliveringToConnectionsThatAreGoneDoesNotThrow() {
    List<ConnectionId> gone = List.of(Ids.connection(), Ids.connection());

    assertThatCode(() -> delivery().deliver(posted(), gone)).doesNotThrowAnyException();
    assertThatCode(
            () ->
                delivery()
                    .deliver(
                        new ChatEvent.TypingChanged(Ids.room(), List.of(Ids.user()), T0), gone))
        .doesNotThrowAnyException();
  }

  @Test
  public void disconnectingNobodyDoesNotThrow() {
    assertThatCode(() -> delivery().disconnect(List.of(), DisconnectReason.KICKED))
        .doesNotThrowAnyException();
  }

  @Test
  public void disconnectingConnectionsThatAreGoneDoesNotThrow() {
    List<ConnectionId> gone = List.of(Ids.connection());

    assertThatCode(() -> delivery().disconnect(gone, DisconnectReason.BANNED))
        .doesNotThrowAnyException();
    assertThatCode(() -> delivery().disconnect(gone, DisconnectReason.KICKED))
        .doesNotThrowAnyException();
  }

  @Test
  public void concurrentDeliveriesDoNotThrow() {
    EventDeliveryPort delivery = delivery();
    List<ConnectionId> recipients = List.of(Ids.connection(), Ids.connection());

    assertThatCode(
            () ->
                Concurrently.repeat(
                    20,
                    25,
                    i -> {
                      delivery.deliver(posted(), recipients);
                      return i;
                    }))
        .doesNotThrowAnyException();
  }
}
