package dev.parley.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.user.UserId;
import dev.parley.protocol.http.ApiRequest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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

  @ParameterizedTest
  @EnumSource(LambdaInit.Entry.class)
  void backgroundWarmUpCompletesWithoutPostingOrStoringAnything(LambdaInit.Entry entry)
      throws Exception {
    try (TestRuntime test = TestRuntime.withEndpoint()) {
      // get() rethrows a failed warm-up: a broken warm-up fails here, not silently in a log.
      new SnapStartPriming(test.runtime).startInBackground(entry).get(30, TimeUnit.SECONDS);

      // The Management API client is built for the fan-out function, whose first batch posts at
      // once, and for no API: none of their first requests posts to a connection.
      assertThat(test.runtime.delivery().hasClient(test.runtime.delivery().endpoint()))
          .isEqualTo(entry == LambdaInit.Entry.FANOUT);
      assertThat(test.connections.postAttempts("snapstart-priming")).isZero();
      assertThat(
              test.runtime
                  .connections()
                  .byUser(UserId.of("snapstart-priming"), java.time.Instant.now()))
          .isEmpty();
      // A request after the warm-up is served as usual.
      assertThat(
              test.runtime
                  .restApi()
                  .handle(
                      new ApiRequest(
                          "GET",
                          "/rooms",
                          Map.of(),
                          Map.of("authorization", "Bearer " + TestRuntime.token("alice")),
                          null,
                          null,
                          "after-warm-up"))
                  .response()
                  .status())
          .isEqualTo(200);
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
  void afterRestoreReseedsTheIdGenerator() throws Exception {
    try (TestRuntime test = TestRuntime.withEndpoint()) {
      SnapStartPriming priming = new SnapStartPriming(test.runtime);
      assertThat(test.runtime.idGenerator().salt()).isZero();

      priming.afterRestore(null);
      long first = test.runtime.idGenerator().salt();
      priming.afterRestore(null);

      assertThat(first).isNotZero();
      assertThat(test.runtime.idGenerator().salt()).isNotEqualTo(first);
    }
  }
}
