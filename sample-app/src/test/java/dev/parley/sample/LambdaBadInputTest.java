package dev.parley.sample;

import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bad-input suite against the Lambda handlers behind the API Gateway emulator, on the in-memory
 * store; 4xx answers of the gateway itself are its {@code {"message": ...}} JSON.
 */
class LambdaBadInputTest extends BadInputScenarios {
  @RegisterExtension static final RunningLambdaLocal STACK = new RunningLambdaLocal("memory");

  @Override
  protected URI httpBase() {
    return STACK.local().emulator().httpUri();
  }

  @Override
  protected URI webSocketUri() {
    return STACK.local().emulator().webSocketUri();
  }

  @Override
  protected boolean gatewayFormatAllowed() {
    return true;
  }

  @Override
  protected boolean sendsHelloFrame() {
    return false;
  }

  @Override
  protected String targetName() {
    return "lambda-local";
  }
}
