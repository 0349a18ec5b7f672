package dev.parley.sample;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The Lambda scenarios on {@code LambdaInMemoryComponent}: {@code --store=memory}. */
class LambdaEndToEndTest extends LambdaEndToEndScenarios {
  @RegisterExtension static final RunningLambdaLocal STACK = new RunningLambdaLocal("memory");

  @Override
  protected RunningLambdaLocal stack() {
    return STACK;
  }
}
