package dev.parley.adapter.fargate;

import dev.parley.application.port.out.ClockPort;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The system clock, except that the next call after {@link #holdNextCall()} waits until {@link
 * #release()}: a way to keep one use case, and so one request, in flight for as long as a test
 * needs.
 */
final class GatedClockAdapter implements ClockPort {
  private final AtomicBoolean armed = new AtomicBoolean();
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private volatile CompletableFuture<Void> held = new CompletableFuture<>();
  private volatile boolean interrupted;

  @Override
  public Instant now() {
    if (armed.compareAndSet(true, false)) {
      held.complete(null);
      try {
        if (!gate.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never released the clock");
        }
      } catch (InterruptedException e) {
        interrupted = true;
        Thread.currentThread().interrupt();
      }
    }
    return Instant.now();
  }

  /** The next call blocks; the returned future completes when it has started waiting. */
  CompletableFuture<Void> holdNextCall() {
    gate = new CountDownLatch(1);
    held = new CompletableFuture<>();
    armed.set(true);
    return held;
  }

  void release() {
    gate.countDown();
  }

  /** Whether a held call was interrupted, as a server that kills its handlers would do. */
  boolean wasInterrupted() {
    return interrupted;
  }
}
