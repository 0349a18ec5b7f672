package dev.parley.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.deploy.lambda.LambdaPostgresComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Lambda scenarios on {@link LambdaPostgresComponent} ({@code --runtime=lambda-local
 * --store=postgres}), the component AWS runs as {@code PostgresLambda}: the connection registry and
 * subscriptions in PostgreSQL, events through the emulator's {@code @connections}.
 */
class LambdaPostgresEndToEndTest extends LambdaEndToEndScenarios {
  @RegisterExtension static final RunningLambdaLocal STACK = new RunningLambdaLocal("postgres");

  @Override
  protected RunningLambdaLocal stack() {
    return STACK;
  }

  @Test
  void theHandlersRunOnPostgres() {
    assertThat(STACK.local().runtime()).isInstanceOf(LambdaPostgresComponent.class);
    assertThat(STACK.storeName()).isEqualTo("PostgreSQL store");
  }
}
