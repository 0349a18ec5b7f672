package dev.parley.adapter.postgres;

import static org.assertj.core.api.Assertions.fail;

import dev.parley.application.port.out.EventDeliveryPort;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.presence.ConnectionId;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A local delivery that records every call, in order, for a bus test to take. */
final class RecordingDelivery implements EventDeliveryPort {
  static final long TIMEOUT_SECONDS = 10;

  /** One recorded call: an event (reason null) or a disconnect (event null). */
  record Call(ChatEvent event, List<ConnectionId> to, DisconnectReason reason) {}

  private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();

  @Override
  public void deliver(ChatEvent event, Collection<ConnectionId> recipients) {
    calls.add(new Call(event, List.copyOf(recipients), null));
  }

  @Override
  public void disconnect(Collection<ConnectionId> connections, DisconnectReason reason) {
    calls.add(new Call(null, List.copyOf(connections), reason));
  }

  /** The next call; fails the test after 10 s without one. */
  Call next() throws InterruptedException {
    Call call = calls.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (call == null) {
      fail("no delivery within " + TIMEOUT_SECONDS + " s");
    }
    return call;
  }

  int pending() {
    return calls.size();
  }
}
