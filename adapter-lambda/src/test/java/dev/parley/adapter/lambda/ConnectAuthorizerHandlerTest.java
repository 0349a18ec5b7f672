package dev.parley.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.auth.JwtIdentityResolver;
import dev.parley.protocol.auth.JwtSettings;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code $connect} REQUEST authorizer, fed AWS's documented WebSocket authorizer event. */
class ConnectAuthorizerHandlerTest {
  private static final String ARN =
      "arn:aws:execute-api:us-east-1:123456789012:abcdef123/default/$connect";

  private final ConnectAuthorizerHandler handler =
      new ConnectAuthorizerHandler(
          new JwtIdentityResolver(JwtSettings.hs256(TestRuntime.SECRET, TestRuntime.ISSUER, null)));

  private static APIGatewayCustomAuthorizerEvent event() {
    return Events.load("authorizer-request.json", APIGatewayCustomAuthorizerEvent.class);
  }

  /** The response as the Lambda runtime serialises it. */
  private static JsonNode json(IamPolicyResponse response) {
    return Events.MAPPER.valueToTree(response);
  }

  private static void assertAllowed(IamPolicyResponse response, String user) {
    JsonNode json = json(response);
    assertThat(json.get("principalId").asText()).isEqualTo(user);
    assertThat(json.get("context").get("userId").asText()).isEqualTo(user);
    JsonNode statement = json.get("policyDocument").get("Statement").get(0);
    assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
    assertThat(statement.get("Action").asText()).isEqualTo("execute-api:Invoke");
    assertThat(statement.get("Resource").toString()).contains(ARN);
  }

  private static void assertDenied(IamPolicyResponse response) {
    JsonNode json = json(response);
    assertThat(json.get("principalId").asText()).isEqualTo(ConnectAuthorizerHandler.ANONYMOUS);
    assertThat(json.get("policyDocument").get("Statement").get(0).get("Effect").asText())
        .isEqualTo("Deny");
    assertThat(json.get("context").has("userId")).isFalse();
  }

  @Test
  void allowsAValidQueryToken() {
    APIGatewayCustomAuthorizerEvent event = event();
    event.setQueryStringParameters(Map.of("token", TestRuntime.token("alice")));
    assertAllowed(handler.handleRequest(event, null), "alice");
  }

  @Test
  void theAllowedContextCarriesTheTokensExpiryForLaterFrames() {
    APIGatewayCustomAuthorizerEvent event = event();
    event.setQueryStringParameters(Map.of("token", TestRuntime.token("alice")));
    long now = Instant.now().getEpochSecond();

    JsonNode context = json(handler.handleRequest(event, null)).get("context");

    assertThat(context.get("tokenExpiresAt").isNumber()).isTrue();
    assertThat(context.get("tokenExpiresAt").asLong()).isGreaterThan(now);
  }

  @Test
  void allowsAValidSubprotocolToken() {
    APIGatewayCustomAuthorizerEvent event = event();
    Map<String, String> headers = new LinkedHashMap<>(event.getHeaders());
    headers.put("sec-websocket-protocol", "parley.v1, parley.token." + TestRuntime.token("bob"));
    event.setHeaders(headers);
    assertAllowed(handler.handleRequest(event, null), "bob");
  }

  @Test
  void deniesAMissingForgedOrForeignToken() {
    assertDenied(handler.handleRequest(event(), null));

    APIGatewayCustomAuthorizerEvent forged = event();
    forged.setQueryStringParameters(Map.of("token", TestRuntime.token("alice") + "x"));
    assertDenied(handler.handleRequest(forged, null));

    APIGatewayCustomAuthorizerEvent garbage = event();
    garbage.setQueryStringParameters(Map.of("token", "not-a-jwt"));
    assertDenied(handler.handleRequest(garbage, null));

    assertDenied(handler.handleRequest(null, null));
  }
}
