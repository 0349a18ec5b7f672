package dev.parley.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.in.CheckStoreHealthUseCase;
import dev.parley.application.port.out.ClockPort;
import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.protocol.auth.IdentityResolver;
import dev.parley.protocol.rest.RestApi;
import dev.parley.protocol.ws.Handshake;
import dev.parley.protocol.ws.WebSocketApi;
import dev.parley.runtime.UuidV7IdGeneratorAdapter;
import jakarta.validation.Validator;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.crac.Context;
import org.crac.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LambdaInitTest {
  private String providerBefore;

  @BeforeEach
  void forgetTheLoggingProvider() {
    providerBefore = System.clearProperty(LambdaInit.JBOSS_LOGGING_PROVIDER);
  }

  @AfterEach
  void restoreTheLoggingProvider() {
    if (providerBefore == null) {
      System.clearProperty(LambdaInit.JBOSS_LOGGING_PROVIDER);
    } else {
      System.setProperty(LambdaInit.JBOSS_LOGGING_PROVIDER, providerBefore);
    }
  }

  @Test
  void everyHandlerClassOfADeploymentGetsTheOneRuntimeBuiltOnce() throws Exception {
    try (TestRuntime test = TestRuntime.withEndpoint()) {
      AtomicInteger builds = new AtomicInteger();
      LambdaInit<TestLambdaComponent> init =
          new LambdaInit<>(
              () -> {
                builds.incrementAndGet();
                return test.runtime;
              });

      // The local emulator constructs several handler classes in one JVM: they must share the
      // store, so the first builds the runtime and the others get the same one.
      assertThat(init.runtime(LambdaInit.Entry.WEBSOCKET)).isSameAs(test.runtime);
      assertThat(init.runtime(LambdaInit.Entry.HTTP)).isSameAs(test.runtime);
      assertThat(init.runtime(LambdaInit.Entry.AUTHORIZER)).isSameAs(test.runtime);
      assertThat(builds).hasValue(1);
    }
  }

  @Test
  void routesHibernateValidatorsLoggingThroughSlf4j() throws Exception {
    try (TestRuntime test = TestRuntime.withEndpoint()) {
      new LambdaInit<>(() -> test.runtime).runtime(LambdaInit.Entry.HTTP);

      assertThat(System.getProperty(LambdaInit.JBOSS_LOGGING_PROVIDER)).isEqualTo("slf4j");
    }
  }

  @Test
  void keepsALoggingProviderTheUserChose() throws Exception {
    System.setProperty(LambdaInit.JBOSS_LOGGING_PROVIDER, "jdk");
    try (TestRuntime test = TestRuntime.withEndpoint()) {
      new LambdaInit<>(() -> test.runtime).runtime(LambdaInit.Entry.AUTHORIZER);

      assertThat(System.getProperty(LambdaInit.JBOSS_LOGGING_PROVIDER)).isEqualTo("jdk");
    }
  }

  @Test
  void theDeploymentsResourcesComeBeforeThePrimingSoTheirCheckpointRunsAfterIt() throws Exception {
    try (TestRuntime test = TestRuntime.withEndpoint()) {
      List<String> seen = new ArrayList<>();
      Resource pool =
          new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
              // The priming builds the Management API client: built already means it ran first.
              seen.add("checkpoint, primed: " + test.runtime.delivery().hasClient(endpoint(test)));
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
              // The priming re-seeds the ids: still unsalted means this runs first.
              seen.add("restore, re-seeded: " + (test.runtime.idGenerator().salt() != 0));
            }
          };
      LambdaInit<WithResources> init =
          new LambdaInit<>(() -> new WithResources(test.runtime, List.of(pool)));
      assertThat(init.snapshotResources()).isEmpty();

      init.runtime(LambdaInit.Entry.HTTP);
      List<Resource> resources = init.snapshotResources();

      assertThat(resources).hasSize(2);
      assertThat(resources.get(0)).isSameAs(pool);
      assertThat(resources.get(1)).isInstanceOf(SnapStartPriming.class);
      // What CRaC does: checkpoint from last to first, restore from first to last.
      for (Resource resource : resources.reversed()) {
        resource.beforeCheckpoint(null);
      }
      for (Resource resource : resources) {
        resource.afterRestore(null);
      }
      assertThat(seen).containsExactly("checkpoint, primed: true", "restore, re-seeded: false");
      assertThat(test.runtime.idGenerator().salt()).isNotZero();
    }
  }

  private static URI endpoint(TestRuntime test) {
    return test.runtime.delivery().endpoint();
  }

  /** A deployment whose runtime has snapshot resources of its own, as the PostgreSQL one has. */
  private record WithResources(TestLambdaComponent runtime, List<Resource> snapshotResources)
      implements LambdaRuntime {
    @Override
    public RestApi restApi() {
      return runtime.restApi();
    }

    @Override
    public WebSocketApi webSocketApi() {
      return runtime.webSocketApi();
    }

    @Override
    public IdentityResolver identity() {
      return runtime.identity();
    }

    @Override
    public Handshake handshake() {
      return runtime.handshake();
    }

    @Override
    public ManagementApiDeliveryAdapter delivery() {
      return runtime.delivery();
    }

    @Override
    public LambdaFanOutDeliveryAdapter fanOutDelivery() {
      return runtime.fanOutDelivery();
    }

    @Override
    public ConnectionRegistryPort connections() {
      return runtime.connections();
    }

    @Override
    public ClockPort clock() {
      return runtime.clock();
    }

    @Override
    public Validator validator() {
      return runtime.validator();
    }

    @Override
    public CheckStoreHealthUseCase checkStoreHealth() {
      return runtime.checkStoreHealth();
    }

    @Override
    public UuidV7IdGeneratorAdapter idGenerator() {
      return runtime.idGenerator();
    }
  }
}
