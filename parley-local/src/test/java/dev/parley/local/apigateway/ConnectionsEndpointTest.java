package dev.parley.local.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Management API alone, over loopback, with no connection open. */
class ConnectionsEndpointTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private LoopbackServer server;

  @BeforeEach
  void start() throws Exception {
    server = LoopbackServer.serving(new ConnectionsEndpoint(new LocalConnections()));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "GET", "DELETE"})
  void unknownConnectionIsGoneAsTheSdkExpects(String method) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(server.uri("/ws/@connections/L0SM9cOFvHcCIhw="))
                .method(method, BodyPublishers.ofString("{\"type\":\"hello\"}"))
                .build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(410);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("GoneException");
    assertThat(response.body()).isEqualTo("{\"message\":\"GoneException\"}");
  }
}
