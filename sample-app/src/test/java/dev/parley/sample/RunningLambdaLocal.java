package dev.parley.sample;

import dev.parley.deploy.lambda.TestSchema;
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
 * postgres}, in a schema of its own ({@link TestSchema}). Stopped after the class, with its store
 * (DynamoDB Local, the schema). Register it in a static field with {@code @RegisterExtension}.
 */
final class RunningLambdaLocal implements BeforeAllCallback, AfterAllCallback {
  private final String store;
  private TestSchema postgres;
  private LambdaLocalDeployment deployment;

  /**
   * @param store the {@code --store} value
   */
  RunningLambdaLocal(String store) {
    this.store = store;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (store.equals("postgres")) {
      postgres = TestSchema.create("t_lambda_e2e");
    }
    Map<String, String> env = environment(postgres);
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
        postgres.close();
      }
    }
  }

  /**
   * The sample server's variables for an end-to-end test, on either runtime: a free loopback port,
   * HS256 tokens signed with {@link ChatEndToEndScenarios#SECRET}, browsers allowed from {@link
   * ChatEndToEndScenarios#ALLOWED_ORIGIN}, and the schema when there is one.
   */
  static Map<String, String> environment(TestSchema postgres) {
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "CHAT_HOST",
                "127.0.0.1",
                "CHAT_PORT",
                "0",
                "CHAT_JWT_SECRET",
                ChatEndToEndScenarios.SECRET,
                "CHAT_CORS_ALLOWED_ORIGINS",
                ChatEndToEndScenarios.ALLOWED_ORIGIN));
    if (postgres != null) {
      env.putAll(postgres.environment());
    }
    return env;
  }

  LambdaLocal<?> local() {
    return deployment.local();
  }

  String storeName() {
    return deployment.storeName();
  }
}
