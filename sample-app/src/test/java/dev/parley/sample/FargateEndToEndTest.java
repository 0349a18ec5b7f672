package dev.parley.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapter.fargate.ChatServer;
import dev.parley.adapter.fargate.FargateServerConfig;
import dev.parley.application.config.ChatSettings;
import dev.parley.protocol.auth.JwtSettings;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The acceptance scenarios against the real sample deployment: {@link FargateInMemoryComponent} on
 * an ephemeral loopback port, HS256 tokens.
 */
class FargateEndToEndTest extends ChatEndToEndScenarios {
  static final String SECRET = "fargate-end-to-end-test-secret-0123456789";
  private static final String OTHER_SECRET = "somebody-else's-secret-0123456789-abcdef";

  private static ChatServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server =
        FargateInMemoryComponent.create(
                new FargateServerConfig("127.0.0.1", 0, Duration.ofSeconds(5)),
                JwtSettings.hs256(SECRET, null, null),
                ChatSettings.DEFAULTS)
            .server();
    server.start();
    assertThat(server.port()).isPositive();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.stop();
    }
  }

  @Override
  protected URI httpBase() {
    return server.httpUri();
  }

  @Override
  protected URI webSocketUri() {
    return server.webSocketUri();
  }

  @Override
  protected String tokenFor(String user) {
    return TestTokens.valid(SECRET, user);
  }

  @Override
  protected String expiredTokenFor(String user) {
    return TestTokens.expired(SECRET, user);
  }

  @Override
  protected String tokenSignedWithAnotherKeyFor(String user) {
    return TestTokens.valid(OTHER_SECRET, user);
  }

  @Override
  protected String tokenWithSubject(String subject) {
    return TestTokens.valid(SECRET, subject);
  }

  /** Jetty closes a banned user's session with 1008 (policy violation), reason "banned". */
  @Override
  protected void assertBannedCloseCode(int code) {
    assertThat(code).as("close code").isEqualTo(1008);
  }
}
