package dev.parley.local.apigateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebSocketEventsTest {
  private final WebSocketEvents events = new WebSocketEvents(() -> "127.0.0.1:3000");

  @ParameterizedTest
  @ValueSource(strings = {"subscribe", "postMessage", "ping"})
  void frameIsRoutedOnItsAction(String action) {
    assertThat(WebSocketEvents.route("{\"action\":\"" + action + "\",\"roomId\":\"r1\"}"))
        .isEqualTo(action);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"action\":\"dance\"}",
        "{\"action\":\"PING\"}",
        "{\"action\":3}",
        "{\"roomId\":\"r1\"}",
        "[\"ping\"]",
        "ping",
        ""
      })
  void frameWithoutAKnownActionFallsBackToDefault(String body) {
    assertThat(WebSocketEvents.route(body)).isEqualTo("$default");
  }

  @Test
  void messageCarriesItsRouteBodyAndTheAuthorizersContext() {
    APIGatewayV2WebSocketEvent event =
        events.message("c1", Map.of("principalId", "alice"), 42L, "{\"action\":\"typing\"}");

    assertThat(event.getRequestContext().getRouteKey()).isEqualTo("typing");
    assertThat(event.getRequestContext().getEventType()).isEqualTo("MESSAGE");
    assertThat(event.getRequestContext().getConnectionId()).isEqualTo("c1");
    assertThat(event.getRequestContext().getConnectedAt()).isEqualTo(42L);
    assertThat(event.getRequestContext().getAuthorizer()).isEqualTo(Map.of("principalId", "alice"));
    assertThat(event.getRequestContext().getDomainName()).isEqualTo("127.0.0.1:3000");
    assertThat(event.getRequestContext().getStage()).isEqualTo(ApiGatewayEmulator.STAGE);
    assertThat(event.getBody()).isEqualTo("{\"action\":\"typing\"}");
  }

  @Test
  void aBinaryFrameGoesToDefaultBase64Encoded() {
    APIGatewayV2WebSocketEvent event =
        events.binaryMessage("c1", Map.of(), 42L, "{\"action\":\"ping\"}".getBytes(UTF_8));

    assertThat(event.getRequestContext().getRouteKey()).isEqualTo("$default");
    assertThat(event.getRequestContext().getEventType()).isEqualTo("MESSAGE");
    assertThat(event.isIsBase64Encoded()).isTrue();
    assertThat(new String(Base64.getDecoder().decode(event.getBody()), UTF_8))
        .isEqualTo("{\"action\":\"ping\"}");
  }

  @Test
  void disconnectReportsTheCloseStatusAndReason() {
    APIGatewayV2WebSocketEvent event =
        events.disconnect("c1", Map.of("principalId", "alice"), 42L, 1001, "going away");

    assertThat(event.getRequestContext().getRouteKey()).isEqualTo("$disconnect");
    assertThat(event.getRequestContext().getStatus()).isEqualTo("1001");
    assertThat(event.getRequestContext().getError()).isEqualTo("going away");
    assertThat(event.getHeaders()).containsEntry("Host", "127.0.0.1:3000");
  }
}
