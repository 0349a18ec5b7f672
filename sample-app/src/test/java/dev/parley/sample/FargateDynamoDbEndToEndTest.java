package dev.parley.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The scenarios on {@code --runtime=fargate --store=dynamodb-local}: DynamoDB Local in a JVM of its
 * own, the table created at start, the real DynamoDB client.
 */
class FargateDynamoDbEndToEndTest extends FargateStoreEndToEndScenarios {
  @RegisterExtension static final RunningFargate STACK = new RunningFargate("dynamodb-local");

  @Override
  protected RunningFargate stack() {
    return STACK;
  }

  @Test
  void theServerRunsOnDynamoDbLocal() {
    assertThat(STACK.deployment().storeName()).startsWith("DynamoDB Local at http://127.0.0.1:");
  }

  /** DynamoDB has no search index: search answers 501 search-unavailable. */
  @Override
  protected boolean searchesMessages() {
    return false;
  }
}
