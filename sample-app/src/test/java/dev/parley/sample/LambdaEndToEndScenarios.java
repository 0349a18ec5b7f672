package dev.parley.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.local.apigateway.LambdaLocal;
import java.net.URI;

/**
 * The acceptance scenarios against the Lambda handlers behind the local API Gateway emulator: real
 * HTTP and WebSocket clients, the REQUEST authorizer on {@code $connect}, replies and events pushed
 * back through the real AWS SDK Management API client, a vanished client dropped by the emulator
 * (posts to it answer 410) and bans enforced with DeleteConnection. One subclass per store, each
 * with its {@link RunningLambdaLocal}.
 */
abstract class LambdaEndToEndScenarios extends ChatEndToEndScenarios {

  /** The running stack of the subclass. */
  protected abstract RunningLambdaLocal stack();

  private LambdaLocal<?> local() {
    return stack().local();
  }

  @Override
  protected URI httpBase() {
    return local().emulator().httpUri();
  }

  @Override
  protected URI webSocketUri() {
    return local().emulator().webSocketUri();
  }

  @Override
  protected ConnectionRegistryPort connectionRegistry() {
    return local().runtime().connections();
  }

  /**
   * API Gateway missed the {@code $disconnect}: the emulator drops the socket without invoking the
   * function, and answers 410 to posts to it from now on.
   */
  @Override
  protected void vanish(ChatSocket socket, String connectionId) {
    assertThat(local().emulator().vanish(connectionId)).as("%s was open", connectionId).isTrue();
  }

  /**
   * Only a 410 on a post tells the functions; see {@link
   * dev.parley.adapter.lambda.ManagementApiDeliveryAdapter}.
   */
  @Override
  protected boolean learnsOfVanishedClientsFromGone() {
    return true;
  }

  /** Lambda never posts from $connect: see {@link ChatEndToEndScenarios#sendsHelloFrame()}. */
  @Override
  protected boolean sendsHelloFrame() {
    return false;
  }

  /** The authorizer's Deny: API Gateway answers 403. */
  @Override
  protected int refusedHandshakeStatus() {
    return 403;
  }

  /** DeleteConnection: the emulator closes the socket normally, as API Gateway does. */
  @Override
  protected void assertBannedCloseCode(int code) {
    assertThat(code).as("close code").isEqualTo(1000);
  }
}
