package dev.parley.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** REST API (payload v1) events, loaded from AWS's documented example, through the handler. */
class RestApiHandlerTest {
  private TestRuntime test;
  private RestApiHandler handler;

  @BeforeEach
  void start() throws Exception {
    test = TestRuntime.withEndpoint();
    handler = new RestApiHandler(test.runtime);
  }

  @AfterEach
  void stop() {
    test.close();
  }

  /** The documented event, re-aimed; {@code user} sends a bearer token, null none. */
  private static APIGatewayProxyRequestEvent event(
      String method, String path, String user, String body) {
    APIGatewayProxyRequestEvent event =
        Events.load("rest-v1.json", APIGatewayProxyRequestEvent.class);
    event.setHttpMethod(method);
    event.setPath(path);
    event.setResource("/{proxy+}");
    event.setBody(body);
    event.setQueryStringParameters(null);
    event.setMultiValueQueryStringParameters(null);
    Map<String, String> headers = new LinkedHashMap<>(event.getHeaders());
    Map<String, List<String>> multi = new LinkedHashMap<>(event.getMultiValueHeaders());
    headers.put("Content-Type", "application/json");
    multi.put("Content-Type", List.of("application/json"));
    if (user != null) {
      headers.put("Authorization", "Bearer " + TestRuntime.token(user));
      multi.put("Authorization", List.of("Bearer " + TestRuntime.token(user)));
    }
    event.setHeaders(headers);
    event.setMultiValueHeaders(multi);
    return event;
  }

  private APIGatewayProxyResponseEvent send(APIGatewayProxyRequestEvent event) {
    return handler.handleRequest(event, null);
  }

  private static JsonNode json(APIGatewayProxyResponseEvent response) throws Exception {
    return Events.MAPPER.readTree(response.getBody());
  }

  @Test
  void theDocumentedEventDeserialisesWithItsParts() {
    APIGatewayProxyRequestEvent event =
        Events.load("rest-v1.json", APIGatewayProxyRequestEvent.class);
    assertThat(event.getRequestContext().getRequestId()).isEqualTo("id=");
    assertThat(event.getMultiValueQueryStringParameters().get("parameter1"))
        .containsExactly("value1", "value2");
    // No authorizer identity, no token: refused, with the request id of the event.
    APIGatewayProxyResponseEvent response = send(event);
    assertThat(response.getStatusCode()).isEqualTo(401);
    assertThat(response.getHeaders()).containsEntry("X-Request-Id", "id=");
  }

  @Test
  void createsARoomPostsAndListsWithABearerToken() throws Exception {
    APIGatewayProxyResponseEvent room =
        send(event("POST", "/rooms", "alice", "{\"name\":\"general\",\"type\":\"PUBLIC\"}"));
    assertThat(room.getStatusCode()).isEqualTo(201);
    String roomId = json(room).get("id").asText();
    assertThat(room.getHeaders()).containsEntry("Location", "/rooms/" + roomId);
    assertThat(room.getIsBase64Encoded()).isFalse();

    APIGatewayProxyResponseEvent posted =
        send(event("POST", "/rooms/" + roomId + "/messages", "alice", "{\"text\":\"hello\"}"));
    assertThat(posted.getStatusCode()).isEqualTo(201);
    assertThat(json(posted).get("text").asText()).isEqualTo("hello");

    APIGatewayProxyRequestEvent list =
        event("GET", "/rooms/" + roomId + "/messages", "alice", null);
    list.setQueryStringParameters(Map.of("limit", "10"));
    list.setMultiValueQueryStringParameters(Map.of("limit", List.of("10")));
    APIGatewayProxyResponseEvent history = send(list);
    assertThat(history.getStatusCode()).isEqualTo(200);
    assertThat(history.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(history.getBody()).contains("\"hello\"");
  }

  @Test
  void theUserOfACognitoAuthorizerNeedsNoToken() throws Exception {
    APIGatewayProxyRequestEvent create =
        event("POST", "/rooms", null, "{\"name\":\"general\",\"type\":\"PUBLIC\"}");
    Map<String, Object> authorizer = new HashMap<>();
    authorizer.put("claims", Map.of("sub", "carol", "email", "carol@example.com"));
    create.getRequestContext().setAuthorizer(authorizer);

    APIGatewayProxyResponseEvent room = send(create);

    assertThat(room.getStatusCode()).isEqualTo(201);
    assertThat(json(room).get("createdBy").asText()).isEqualTo("carol");
  }

  @Test
  void theUserOfALambdaAuthorizerNeedsNoToken() throws Exception {
    APIGatewayProxyRequestEvent create =
        event("POST", "/rooms", null, "{\"name\":\"general\",\"type\":\"PUBLIC\"}");
    create
        .getRequestContext()
        .setAuthorizer(Map.of("principalId", "dave", "integrationLatency", 3));

    APIGatewayProxyResponseEvent room = send(create);

    assertThat(room.getStatusCode()).isEqualTo(201);
    assertThat(json(room).get("createdBy").asText()).isEqualTo("dave");
  }

  @Test
  void withoutAuthorizerOrTokenItIs401ProblemJson() throws Exception {
    APIGatewayProxyResponseEvent response = send(event("GET", "/rooms", null, null));
    assertThat(response.getStatusCode()).isEqualTo(401);
    assertThat(response.getHeaders().get("Content-Type")).startsWith("application/problem+json");
    assertThat(response.getHeaders()).containsKey("WWW-Authenticate");
    assertThat(json(response).get("type").asText()).endsWith("/unauthenticated");

    APIGatewayProxyRequestEvent forged = event("GET", "/rooms", null, null);
    forged.setHeaders(Map.of("authorization", "Bearer " + TestRuntime.token("alice") + "x"));
    forged.setMultiValueHeaders(null);
    assertThat(send(forged).getStatusCode()).isEqualTo(401);
  }

  @Test
  void decodesABase64Body() throws Exception {
    APIGatewayProxyRequestEvent create = event("POST", "/rooms", "alice", null);
    create.setBody(
        Base64.getEncoder()
            .encodeToString(
                "{\"name\":\"général\",\"type\":\"PUBLIC\"}".getBytes(StandardCharsets.UTF_8)));
    create.setIsBase64Encoded(true);

    APIGatewayProxyResponseEvent room = send(create);

    assertThat(room.getStatusCode()).isEqualTo(201);
    assertThat(json(room).get("name").asText()).isEqualTo("général");
  }

  @Test
  void invalidBase64Is400() throws Exception {
    APIGatewayProxyRequestEvent create = event("POST", "/rooms", "alice", "not base64 !!");
    create.setIsBase64Encoded(true);
    APIGatewayProxyResponseEvent response = send(create);
    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).get("type").asText()).endsWith("/malformed-request");
  }

  @Test
  void aMalformedOrMissingBodyIs400() throws Exception {
    APIGatewayProxyResponseEvent notJson = send(event("POST", "/rooms", "alice", "{not json"));
    assertThat(notJson.getStatusCode()).isEqualTo(400);
    assertThat(notJson.getHeaders().get("Content-Type")).startsWith("application/problem+json");

    APIGatewayProxyResponseEvent noBody = send(event("POST", "/rooms", "alice", null));
    assertThat(noBody.getStatusCode()).isEqualTo(400);
  }

  @Test
  void anUnknownRouteIs404AndAWrongMethod405() throws Exception {
    APIGatewayProxyResponseEvent missing = send(event("GET", "/nowhere", "alice", null));
    assertThat(missing.getStatusCode()).isEqualTo(404);
    assertThat(json(missing).get("type").asText()).endsWith("/not-found");

    APIGatewayProxyResponseEvent wrong = send(event("PUT", "/rooms", "alice", null));
    assertThat(wrong.getStatusCode()).isEqualTo(405);
    assertThat(wrong.getHeaders()).containsKey("Allow");
  }

  @Test
  void eventsWithoutMethodOrPathOrAtAllAre400() {
    APIGatewayProxyRequestEvent noMethod = event("GET", "/rooms", "alice", null);
    noMethod.setHttpMethod(null);
    assertThat(send(noMethod).getStatusCode()).isEqualTo(400);

    APIGatewayProxyRequestEvent noPath = event("GET", "/rooms", "alice", null);
    noPath.setPath(null);
    assertThat(send(noPath).getStatusCode()).isEqualTo(400);

    assertThat(send(null).getStatusCode()).isEqualTo(400);
    assertThat(send(new APIGatewayProxyRequestEvent()).getStatusCode()).isEqualTo(400);
  }

  @Test
  void anAuthorizerIdentityThatIsNotAUserIdIs401() {
    APIGatewayProxyRequestEvent create = event("GET", "/rooms", "alice", null);
    create.getRequestContext().setAuthorizer(Map.of("principalId", "not a user id"));
    assertThat(send(create).getStatusCode()).isEqualTo(401);
  }
}
