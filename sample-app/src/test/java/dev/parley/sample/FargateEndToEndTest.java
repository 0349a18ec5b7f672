package dev.parley.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapter.fargate.FargateServerConfig;
import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.deploy.fargate.FargateInMemoryComponent;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.protocol.http.CorsPolicy;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The acceptance scenarios against the real sample deployment: {@link FargateInMemoryComponent} on
 * an ephemeral loopback port, HS256 tokens.
 */
class FargateEndToEndTest extends ChatEndToEndScenarios {
  private static FargateInMemoryComponent component;

  @BeforeAll
  static void startServer() throws Exception {
    component =
        FargateInMemoryComponent.create(
            new FargateServerConfig(
                "127.0.0.1", 0, Duration.ofSeconds(5), CorsPolicy.allowing(ALLOWED_ORIGIN)),
            JwtSettings.hs256(SECRET, null, null),
            ChatSettings.DEFAULTS);
    component.server().start();
    assertThat(component.server().port()).isPositive();
  }

  @AfterAll
  static void stopServer() {
    if (component != null) {
      component.server().stop();
    }
  }

  @Override
  protected URI httpBase() {
    return component.server().httpUri();
  }

  @Override
  protected URI webSocketUri() {
    return component.server().webSocketUri();
  }

  @Override
  protected ConnectionRegistryPort connectionRegistry() {
    return component.connections();
  }

  /**
   * The client drops its TCP connection without a close frame (a phone losing its network, say);
   * the server holds that connection, so it sees the drop itself.
   */
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
