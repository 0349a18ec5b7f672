package dev.parley.protocol.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import dev.parley.application.port.out.EventDeliveryPort.DisconnectReason;
import dev.parley.domain.presence.ConnectionId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ClusterBus} promises, run by each bus module against its real transport: two
 * buses of one deployment stand for two nodes. A subclass says how to open a bus, how to know it
 * listens, and how to cut its transport.
 */
public abstract class ClusterBusContract {
  /** Long enough for a loaded machine; a working bus answers in milliseconds. */
  protected static final long WAIT_SECONDS = 10;

  private static final List<ConnectionId> TO =
      List.of(ConnectionId.of("c-1"), ConnectionId.of("c-2"));

  private final List<ClusterBus> opened = new ArrayList<>();

  /** A new, unstarted bus of the deployment under test (another node). */
  protected abstract ClusterBus openBus() throws Exception;

  /** Returns once {@code bus}, started, hears the others; fails the test after a while. */
  protected abstract void awaitListening(ClusterBus bus) throws Exception;

  /** Cuts {@code bus} off its transport for good, as a dead server or network would. */
  protected abstract void killTransport(ClusterBus bus) throws Exception;

  @AfterEach
  void closeBuses() {
    opened.forEach(ClusterBus::close);
  }

  /** A started, listening bus whose messages go to {@code receiver}. */
  protected final ClusterBus node(Recorder receiver) throws Exception {
    ClusterBus bus = openBus();
    opened.add(bus);
    bus.start(receiver);
    awaitListening(bus);
    return bus;
  }

  protected static ClusterMessage frame(String text) {
    return new ClusterMessage.Frame("{\"type\":\"event\",\"text\":\"" + text + "\"}", TO);
  }

  @Test
  void whatOneNodePublishesTheOtherReceivesOnceAndInOrderAndTheSenderNeverHearsItself()
      throws Exception {
    Recorder nodeA = new Recorder();
    Recorder nodeB = new Recorder();
    ClusterBus a = node(nodeA);
    ClusterBus b = node(nodeB);
    List<ClusterMessage> sent = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      ClusterMessage message = frame("m" + i);
      sent.add(message);
      a.publish(message);
    }

    for (ClusterMessage expected : sent) {
      assertThat(nodeB.next()).isEqualTo(expected);
    }
    // A barrier the other way: had A heard its own frames, they would arrive before this one.
    ClusterMessage back = frame("back");
    b.publish(back);
    assertThat(nodeA.next()).isEqualTo(back);
    assertThat(nodeA.pending()).isZero();
    assertThat(nodeB.pending()).isZero();
  }

  @Test
  void aDisconnectCrossesWithItsReason() throws Exception {
    Recorder nodeB = new Recorder();
    ClusterBus a = node(new Recorder());
    node(nodeB);
    ClusterMessage banned =
        new ClusterMessage.Disconnect(List.of(ConnectionId.of("c-9")), DisconnectReason.BANNED);

    a.publish(banned);

    assertThat(nodeB.next()).isEqualTo(banned);
  }

  @Test
  void aFrameOfTheLargestMessageCrosses() throws Exception {
    Recorder nodeB = new Recorder();
    ClusterBus a = node(new Recorder());
    node(nodeB);
    ClusterMessage big = frame("😀".repeat(16_000)); // 64,000 UTF-8 bytes

    a.publish(big);

    assertThat(nodeB.next()).isEqualTo(big);
  }

  @Test
  void closeIsIdempotentAndAClosedNodeHearsNothing() throws Exception {
    Recorder nodeB = new Recorder();
    Recorder nodeC = new Recorder();
    ClusterBus a = node(new Recorder());
    ClusterBus b = node(nodeB);
    node(nodeC);

    b.close();
    b.close();
    ClusterMessage after = frame("after close");
    a.publish(after);

    // C hearing it means it was sent; B, closed before, must not have.
    assertThat(nodeC.next()).isEqualTo(after);
    assertThat(nodeB.pending()).isZero();
  }

  @Test
  void publishingAfterTheTransportDiedDoesNotThrow() throws Exception {
    ClusterBus a = node(new Recorder());

    killTransport(a);

    assertThatCode(() -> a.publish(frame("into the void"))).doesNotThrowAnyException();
    assertThatCode(a::close).doesNotThrowAnyException();
  }

  /** A node's receiving end that records every message, in order. */
  protected static final class Recorder implements Consumer<ClusterMessage> {
    private final BlockingQueue<ClusterMessage> messages = new LinkedBlockingQueue<>();

    public Recorder() {}

    @Override
    public void accept(ClusterMessage message) {
      messages.add(message);
    }

    /** The next message; fails the test after {@link #WAIT_SECONDS} without one. */
    public ClusterMessage next() throws InterruptedException {
      ClusterMessage message = messages.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      if (message == null) {
        fail("no message within " + WAIT_SECONDS + " s");
      }
      return message;
    }

    public int pending() {
      return messages.size();
    }
  }
}
