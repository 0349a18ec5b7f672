package dev.parley.adapter.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@link ChatServer#stop()} waits for Jetty's stop through {@link ChatServer#runWithin}. */
class BoundedStopTest {

  @Test
  void aTaskThatFinishesIsWaitedFor() {
    AtomicBoolean ran = new AtomicBoolean();

    assertThat(ChatServer.runWithin(() -> ran.set(true), Duration.ofSeconds(10))).isTrue();
    assertThat(ran).isTrue();
  }

  @Test
  void aTaskThatHangsIsGivenUpOnAfterTheLimit() {
    CountDownLatch never = new CountDownLatch(1);
    long start = System.nanoTime();

    boolean finished =
        ChatServer.runWithin(
            () -> {
              try {
                never.await(); // as ManagedSelector.doStop did, waiting for a stop task
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            Duration.ofMillis(200));

    long waitedMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(finished).isFalse();
    assertThat(waitedMillis).isBetween(200L, 5_000L);
    never.countDown();
  }
}
