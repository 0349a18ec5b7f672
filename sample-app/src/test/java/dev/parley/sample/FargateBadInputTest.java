package dev.parley.sample;

import dev.parley.adapter.fargate.FargateServerConfig;
import dev.parley.application.config.ChatSettings;
import dev.parley.deploy.fargate.FargateDeployment;
import dev.parley.protocol.auth.JwtSettings;
import java.net.URI;
import java.time.Duration;

/** The bad-input suite against the Fargate server on the in-memory store. */
class FargateBadInputTest extends BadInputScenarios {
  private FargateDeployment deployment;

  @Override
  protected void startServer() throws Exception {
    deployment =
        FargateDeployment.inMemory(
            new FargateServerConfig("127.0.0.1", 0, Duration.ofSeconds(5)),
            JwtSettings.hs256(ChatEndToEndScenarios.SECRET, null, null),
            ChatSettings.DEFAULTS);
    deployment.start();
  }

  @Override
  protected void stopServer() {
    if (deployment != null) {
      deployment.stop();
    }
  }

  @Override
  protected URI httpBase() {
    return deployment.server().httpUri();
  }

  @Override
  protected URI webSocketUri() {
    return deployment.server().webSocketUri();
  }

  @Override
  protected boolean gatewayFormatAllowed() {
    return false;
  }

  @Override
  protected boolean sendsHelloFrame() {
    return true;
  }

  @Override
  protected String targetName() {
    return "fargate";
  }
}
