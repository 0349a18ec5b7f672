package dev.parley.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.ConnectionRegistryPort;
import java.net.URI;

/**
 * The acceptance scenarios against a Fargate server on a shared store, started as the sample server
 * starts it: one subclass per store, each with its {@link RunningFargate}. The server holds the TCP
 * connections, so it sees a vanished client itself, and closes a banned user's socket with 1008.
 */
abstract class FargateStoreEndToEndScenarios extends ChatEndToEndScenarios {

  /** The running server of the subclass. */
  protected abstract RunningFargate stack();

  @Override
  protected URI httpBase() {
    return stack().deployment().server().httpUri();
  }

  @Override
  protected URI webSocketUri() {
    return stack().deployment().server().webSocketUri();
  }

  @Override
  protected ConnectionRegistryPort connectionRegistry() {
    return stack().deployment().connections();
  }

  /** The client drops its TCP connection without a close frame. */
  @Override
  protected void vanish(ChatSocket socket, String connectionId) {
    socket.abort();
  }

  /** Jetty closes a banned user's session with 1008 (policy violation), reason "banned". */
  @Override
  protected void assertBannedCloseCode(int code) {
    assertThat(code).as("close code").isEqualTo(1008);
  }
}
