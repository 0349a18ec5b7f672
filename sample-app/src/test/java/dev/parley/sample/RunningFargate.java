package dev.parley.sample;

import dev.parley.deploy.fargate.FargateDeployment;
import dev.parley.deploy.lambda.TestSchema;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@code --runtime=fargate} server for one test class, built as {@link Main} builds it ({@link
 * SampleConfig#fromEnvironment}, then {@link SampleDeployment#of}) on a free loopback port,
 * verifying tokens signed with {@link ChatEndToEndScenarios#SECRET}; on {@code postgres}, in a
 * schema of its own ({@link TestSchema}). Stopped after the class, with its store. Register it in a
 * static field with {@code @RegisterExtension}.
 */
final class RunningFargate implements BeforeAllCallback, AfterAllCallback {
  private final String store;
  private TestSchema postgres;
  private FargateDeployment deployment;

  /**
   * @param store the {@code --store} value
   */
  RunningFargate(String store) {
    this.store = store;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (store.equals("postgres")) {
      postgres = TestSchema.create("t_fargate_e2e");
    }
    Map<String, String> env = RunningLambdaLocal.environment(postgres);
    deployment = SampleDeployment.of(SampleConfig.fromEnvironment(env, store));
    deployment.server().start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (deployment != null) {
        deployment.stop();
        deployment = null;
      }
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  FargateDeployment deployment() {
    return deployment;
  }
}
