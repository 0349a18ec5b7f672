package dev.parley.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpURLConnection;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;

class DynamoDbClientsTest {

  @Test
  void plainConnectionsCarryTheSdkDefaultTimeouts() {
    // The TLS-free client does not apply the SDK's timeout options; without these a stalled
    // DynamoDB Local would hang a request forever (the JDK's default is no timeout).
    HttpURLConnection connection =
        DynamoDbClients.plainConnection(URI.create("http://127.0.0.1:8000/"));

    assertThat(connection.getConnectTimeout())
        .isEqualTo(
            SdkHttpConfigurationOption.GLOBAL_HTTP_DEFAULTS
                .get(SdkHttpConfigurationOption.CONNECTION_TIMEOUT)
                .toMillis());
    assertThat(connection.getReadTimeout())
        .isEqualTo(
            SdkHttpConfigurationOption.GLOBAL_HTTP_DEFAULTS
                .get(SdkHttpConfigurationOption.READ_TIMEOUT)
                .toMillis());
  }
}
