package dev.parley.sample;

import dev.parley.deploy.fargate.FargateDeployment;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@code --runtime=fargate} server for one test class, built as {@link Main} builds it ({@link
 * SampleConfig#fromEnvironment}, then {@link SampleDeployment#of}) on a free loopback port,
 * verifying tokens signed with {@link ChatEndToEndScenarios#SECRET}; on {@code postgres}, in a
 * schema of its own ({@link TestPostgres}). Stopped after the class, with its store. Register it in
 * a static field with {@code @RegisterExtension}.
 */
final class RunningFargate implements BeforeAllCallback, AfterAllCallback {
  private final String store;
  private TestPostgres postgres;
  private FargateDeployment deployment;

  /**
   * @param store the {@code --store} value
   */
  RunningFargate(String store) {
    this.store = store;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "CHAT_HOST", "127.0.0.1",
                "CHAT_PORT", "0",
                "CHAT_JWT_SECRET", ChatEndToEndScenarios.SECRET));
    if (store.equals("postgres")) {
      postgres = TestPostgres.create("t_fargate_e2e");
      env.putAll(postgres.environment());
    }
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
        postgres.drop();
      }
    }
  }

  FargateDeployment deployment() {
    return deployment;
  }
}
