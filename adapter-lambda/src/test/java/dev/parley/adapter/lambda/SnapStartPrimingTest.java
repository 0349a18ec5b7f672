package dev.parley.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {

  @Test
  void beforeCheckpointWarmsEverythingWithoutPostingOrStoringAnything() throws Exception {
    try (TestRuntime test = TestRuntime.withEndpoint()) {
      SnapStartPriming priming = new SnapStartPriming(test.runtime);

      priming.beforeCheckpoint(null);
      priming.afterRestore(null);

      // The client of the configured endpoint is built and cached...
      assertThat(test.runtime.delivery().client(test.runtime.delivery().endpoint())).isNotNull();
      // ...and nothing reached the Management API or was stored (the store was only read).
      assertThat(test.connections.postAttempts("snapstart-priming")).isZero();
      assertThat(
              test.runtime
                  .connections()
                  .byUser(
                      dev.parley.domain.user.UserId.of("snapstart-priming"),
                      java.time.Instant.now()))
          .isEmpty();
    }
  }

  @Test
  void primingWithoutAnEndpointStillSucceeds() throws Exception {
    try (TestRuntime test = TestRuntime.learningEndpoint()) {
      new SnapStartPriming(test.runtime).prime();
      assertThat(test.runtime.delivery().endpoint()).isNull();
    }
  }

  @Test
  void registersWithTheGlobalContext() throws Exception {
    try (TestRuntime test = TestRuntime.withEndpoint()) {
      assertThat(SnapStartPriming.register(test.runtime)).isNotNull();
    }
  }
}
