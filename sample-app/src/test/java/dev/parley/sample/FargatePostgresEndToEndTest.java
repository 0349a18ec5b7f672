package dev.parley.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The scenarios on {@code --runtime=fargate --store=postgres}: the PostgreSQL store with its
 * LISTEN/NOTIFY event bus, in a schema of its own.
 */
class FargatePostgresEndToEndTest extends FargateStoreEndToEndScenarios {
  @RegisterExtension static final RunningFargate STACK = new RunningFargate("postgres");

  @Override
  protected RunningFargate stack() {
    return STACK;
  }

  @Test
  void theServerRunsOnPostgres() {
    assertThat(STACK.deployment().storeName()).isEqualTo("PostgreSQL store");
  }
}
