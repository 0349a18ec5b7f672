package dev.parley.deploy.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapter.dynamodb.DynamoDbConfig;
import dev.parley.adapter.fargate.FargateServerConfig;
import dev.parley.application.config.ChatSettings;
import dev.parley.protocol.auth.JwtSettings;
import java.net.URI;
import org.junit.jupiter.api.Test;

class FargateDynamoDbComponentTest {

  @Test
  void aFargateNodeTalksToDynamoDbThroughThePooledApacheClient() {
    FargateDynamoDbComponent component =
        FargateDynamoDbComponent.create(
            FargateServerConfig.defaults().withPort(0),
            JwtSettings.hs256("component-test-secret-0123456789abcdefgh", null, null),
            ChatSettings.DEFAULTS,
            DynamoDbConfig.of("t", "us-east-1", URI.create("http://127.0.0.1:8000")));
    try {
      assertThat(component.dynamoDbHttp().clientName()).isEqualTo("Apache");
    } finally {
      component.client().close();
    }
  }
}
