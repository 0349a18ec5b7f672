package dev.parley.sample;

import dev.parley.local.apigateway.LambdaLocal;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@code --runtime=lambda-local} stack for one test class, built as {@link LambdaLocalMain}
 * builds it ({@link SampleConfig#fromEnvironment}, then {@link LambdaLocalDeployment#start}) on a
 * free loopback port, verifying tokens signed with {@link ChatEndToEndScenarios#SECRET}; stopped
 * after the class, DynamoDB Local with it. Register it in a static field with
 * {@code @RegisterExtension}.
 */
final class RunningLambdaLocal implements BeforeAllCallback, AfterAllCallback {
  private final String store;
  private LambdaLocalDeployment deployment;

  /**
   * @param store the {@code --store} value
   */
  RunningLambdaLocal(String store) {
    this.store = store;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    SampleConfig config =
        SampleConfig.fromEnvironment(
            Map.of(
                "CHAT_HOST", "127.0.0.1",
                "CHAT_PORT", "0",
                "CHAT_JWT_SECRET", ChatEndToEndScenarios.SECRET),
            store);
    deployment = LambdaLocalDeployment.start(config);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (deployment != null) {
      deployment.close();
      deployment = null;
    }
  }

  LambdaLocal<?> local() {
    return deployment.local();
  }

  String storeName() {
    return deployment.storeName();
  }
}
