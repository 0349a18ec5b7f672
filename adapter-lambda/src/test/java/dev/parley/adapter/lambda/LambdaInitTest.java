package dev.parley.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
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
}
