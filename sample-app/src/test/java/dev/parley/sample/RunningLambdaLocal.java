package dev.parley.sample;

import dev.parley.local.apigateway.LambdaLocal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@code --runtime=lambda-local} stack for one test class, built as {@link LambdaLocalMain}
 * builds it ({@link SampleConfig#fromEnvironment}, then {@link LambdaLocalDeployment#start}) on a
 * free loopback port, verifying tokens signed with {@link ChatEndToEndScenarios#SECRET}; on {@code
 * postgres}, in a schema of its own ({@link TestPostgres}). Stopped after the class, with its store
 * (DynamoDB Local, the schema). Register it in a static field with {@code @RegisterExtension}.
 */
final class RunningLambdaLocal implements BeforeAllCallback, AfterAllCallback {
  private final String store;
  private TestPostgres postgres;
  private LambdaLocalDeployment deployment;

  /**
   * @param store the {@code --store} value
   */
  RunningLambdaLocal(String store) {
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
      postgres = TestPostgres.create("t_lambda_e2e");
      env.putAll(postgres.environment());
    }
    deployment = LambdaLocalDeployment.start(SampleConfig.fromEnvironment(env, store));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (deployment != null) {
        deployment.close();
        deployment = null;
      }
    } finally {
      if (postgres != null) {
        postgres.drop();
      }
    }
  }

  LambdaLocal<?> local() {
    return deployment.local();
  }

  String storeName() {
    return deployment.storeName();
  }
}
