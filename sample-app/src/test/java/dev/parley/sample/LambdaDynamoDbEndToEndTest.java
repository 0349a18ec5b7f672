package dev.parley.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.deploy.lambda.DynamoDbLambda;
import dev.parley.deploy.lambda.LambdaDynamoDbComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Lambda scenarios on {@link LambdaDynamoDbComponent}, the component AWS runs ({@link
 * DynamoDbLambda}), with {@code --store=dynamodb-local}: DynamoDB Local in a JVM of its own, the
 * table created by {@code DynamoDbTables}, the real DynamoDB client. The registry the scenarios
 * check is the table's connection items.
 */
class LambdaDynamoDbEndToEndTest extends LambdaEndToEndScenarios {
  @RegisterExtension
  static final RunningLambdaLocal STACK = new RunningLambdaLocal("dynamodb-local");

  @Override
  protected RunningLambdaLocal stack() {
    return STACK;
  }

  @Test
  void theHandlersRunOnDynamoDbLocal() {
    assertThat(STACK.local().runtime()).isInstanceOf(LambdaDynamoDbComponent.class);
    assertThat(STACK.storeName()).startsWith("DynamoDB Local at http://127.0.0.1:");
  }

  /** DynamoDB has no search index: search answers 501 search-unavailable. */
  @Override
  protected boolean searchesMessages() {
    return false;
  }
}
