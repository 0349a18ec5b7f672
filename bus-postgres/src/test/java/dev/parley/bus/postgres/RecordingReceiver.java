package dev.parley.bus.postgres;

import static org.assertj.core.api.Assertions.fail;

import dev.parley.protocol.cluster.ClusterMessage;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A node's receiving end that records every message, in order, for a bus test to take. */
final class RecordingReceiver implements Consumer<ClusterMessage> {
  static final long TIMEOUT_SECONDS = 10;

  private final BlockingQueue<ClusterMessage> messages = new LinkedBlockingQueue<>();

  @Override
  public void accept(ClusterMessage message) {
    messages.add(message);
  }

  /** The next message; fails the test after 10 s without one. */
  ClusterMessage next() throws InterruptedException {
    ClusterMessage message = messages.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (message == null) {
      fail("no message within " + TIMEOUT_SECONDS + " s");
    }
    return message;
  }

  int pending() {
    return messages.size();
  }
}
