package dev.parley.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.domain.presence.Connection;
import dev.parley.domain.presence.ConnectionId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WebSocket events, loaded from AWS's documented examples, through the handler. */
class WebSocketHandlerTest {
  private static final String CONNECTION = "AAAA1234=";

  private TestRuntime test;
  private WebSocketHandler handler;

  @BeforeEach
  void start() throws Exception {
    test = TestRuntime.learningEndpoint();
    handler = new WebSocketHandler(test.runtime);
    test.connections.connect(CONNECTION);
  }

  @AfterEach
  void stop() {
    test.close();
  }

  private APIGatewayV2WebSocketEvent event(String fixture) {
    APIGatewayV2WebSocketEvent event = Events.load(fixture, APIGatewayV2WebSocketEvent.class);
    event.getRequestContext().setDomainName(test.connections.domainName());
    event.getRequestContext().setStage(FakeConnectionsServer.STAGE);
    return event;
  }

  private APIGatewayV2WebSocketEvent message(String body) {
    APIGatewayV2WebSocketEvent event = event("ws-message.json");
    event.setBody(body);
    return event;
  }

  private Connection registered(String id) {
    return test.runtime.connections().find(ConnectionId.of(id), Instant.now()).orElse(null);
  }

  private JsonNode lastFrameTo(String id) throws Exception {
    List<String> frames = test.connections.framesTo(id);
    assertThat(frames).isNotEmpty();
    return Events.MAPPER.readTree(frames.getLast());
  }

  @Test
  void connectWithAnAuthorizerContextRegistersTheConnectionAndPostsNothing() {
    APIGatewayV2WebSocketResponse response = handler.handleRequest(event("ws-connect.json"), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(registered(CONNECTION)).isNotNull();
    assertThat(registered(CONNECTION).userId().value()).isEqualTo("alice");
    // Posting from inside $connect would get 410: nothing is posted, not even hello.
    assertThat(test.connections.postAttempts(CONNECTION)).isZero();
  }

  @Test
  void connectWithoutAuthorizerVerifiesTheSubprotocolTokenAndEchoesTheSubprotocol() {
    APIGatewayV2WebSocketEvent connect = event("ws-connect.json");
    connect.getRequestContext().setAuthorizer(null);
    Map<String, String> headers = new LinkedHashMap<>(connect.getHeaders());
    headers.put("Sec-WebSocket-Protocol", "parley.v1, parley.token." + TestRuntime.token("bob"));
    connect.setHeaders(headers);

    APIGatewayV2WebSocketResponse response = handler.handleRequest(connect, null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders()).containsEntry("Sec-WebSocket-Protocol", "parley.v1");
    assertThat(registered(CONNECTION).userId().value()).isEqualTo("bob");
  }

  @Test
  void connectWithoutAuthorizerAcceptsTheQueryToken() {
    APIGatewayV2WebSocketEvent connect = event("ws-connect.json");
    connect.getRequestContext().setAuthorizer(null);
    connect.setQueryStringParameters(Map.of("token", TestRuntime.token("erin")));

    assertThat(handler.handleRequest(connect, null).getStatusCode()).isEqualTo(200);
    assertThat(registered(CONNECTION).userId().value()).isEqualTo("erin");
  }

  @Test
  void connectWithoutAuthorizerOrValidTokenIsRefused() {
    APIGatewayV2WebSocketEvent connect = event("ws-connect.json");
    connect.getRequestContext().setAuthorizer(null);
    assertThat(handler.handleRequest(connect, null).getStatusCode()).isEqualTo(401);

    connect.setQueryStringParameters(Map.of("token", TestRuntime.token("erin") + "x"));
    assertThat(handler.handleRequest(connect, null).getStatusCode()).isEqualTo(401);
    assertThat(registered(CONNECTION)).isNull();
  }

  @Test
  void aMessageActionGetsItsReplyPostedToTheCaller() throws Exception {
    handler.handleRequest(event("ws-connect.json"), null);

    APIGatewayV2WebSocketResponse response = handler.handleRequest(event("ws-message.json"), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getBody()).isNull();
    JsonNode pong = lastFrameTo(CONNECTION);
    assertThat(pong.get("type").asText()).isEqualTo("pong");
    assertThat(pong.get("requestId").asText()).isEqualTo("r1");
  }

  @Test
  void withoutAuthorizerContextTheUserIsTheRegisteredConnections() throws Exception {
    handler.handleRequest(event("ws-connect.json"), null);
    APIGatewayV2WebSocketEvent ping = message("{\"action\":\"ping\",\"requestId\":\"r2\"}");
    ping.getRequestContext().setAuthorizer(null);

    handler.handleRequest(ping, null);

    assertThat(lastFrameTo(CONNECTION).get("type").asText()).isEqualTo("pong");
  }

  @Test
  void aFrameFromAnUnregisteredConnectionWithoutAuthorizerGetsAnErrorFrame() throws Exception {
    APIGatewayV2WebSocketEvent ping = message("{\"action\":\"ping\"}");
    ping.getRequestContext().setAuthorizer(null);

    handler.handleRequest(ping, null);

    JsonNode error = lastFrameTo(CONNECTION);
    assertThat(error.get("type").asText()).isEqualTo("error");
    assertThat(error.get("problem").get("type").asText()).endsWith("/unauthenticated");
  }

  @Test
  void aBinaryFrameGetsAnErrorFrameEvenWhenItHoldsAValidTextFrame() throws Exception {
    handler.handleRequest(event("ws-connect.json"), null);
    APIGatewayV2WebSocketEvent binary =
        message(
            Base64.getEncoder()
                .encodeToString(
                    "{\"action\":\"ping\",\"requestId\":\"b1\"}".getBytes(StandardCharsets.UTF_8)));
    binary.setIsBase64Encoded(true);

    APIGatewayV2WebSocketResponse response = handler.handleRequest(binary, null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode error = lastFrameTo(CONNECTION);
    assertThat(error.get("type").asText()).isEqualTo("error");
    assertThat(error.get("problem").get("type").asText()).endsWith("/malformed-request");
    assertThat(test.connections.deleted()).isEmpty();
  }

  private APIGatewayV2WebSocketEvent pingWithTokenExpiringAt(Instant expiresAt) {
    APIGatewayV2WebSocketEvent ping = message("{\"action\":\"ping\",\"requestId\":\"e1\"}");
    Map<String, Object> authorizer = new LinkedHashMap<>(ping.getRequestContext().getAuthorizer());
    authorizer.put("tokenExpiresAt", expiresAt.getEpochSecond());
    ping.getRequestContext().setAuthorizer(authorizer);
    return ping;
  }

  @Test
  void aFrameAfterTheTokenExpiredGetsAnErrorFrameAndTheConnectionIsDeleted() throws Exception {
    handler.handleRequest(event("ws-connect.json"), null);

    APIGatewayV2WebSocketResponse response =
        handler.handleRequest(pingWithTokenExpiringAt(Instant.now().minusSeconds(1)), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode error = lastFrameTo(CONNECTION);
    assertThat(error.get("type").asText()).isEqualTo("error");
    assertThat(error.get("problem").get("type").asText()).endsWith("/unauthenticated");
    assertThat(error.get("problem").get("detail").asText()).startsWith("token expired");
    assertThat(test.connections.deleted()).containsExactly(CONNECTION);
  }

  @Test
  void aFrameBeforeTheTokenExpiresIsAnswered() throws Exception {
    handler.handleRequest(event("ws-connect.json"), null);

    handler.handleRequest(pingWithTokenExpiringAt(Instant.now().plusSeconds(60)), null);

    assertThat(lastFrameTo(CONNECTION).get("type").asText()).isEqualTo("pong");
    assertThat(test.connections.deleted()).isEmpty();
  }

  @Test
  void anUnknownActionGetsAnErrorFrameAndTheConnectionStays() throws Exception {
    handler.handleRequest(event("ws-connect.json"), null);

    APIGatewayV2WebSocketResponse response =
        handler.handleRequest(message("{\"action\":\"dance\",\"requestId\":\"r3\"}"), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode error = lastFrameTo(CONNECTION);
    assertThat(error.get("type").asText()).isEqualTo("error");
    assertThat(error.get("action").asText()).isEqualTo("dance");
    assertThat(error.get("problem").get("type").asText()).endsWith("/invalid-input");
    assertThat(registered(CONNECTION)).isNotNull();
    assertThat(test.connections.deleted()).isEmpty();
  }

  @Test
  void disconnectUnregistersTheConnection() {
    handler.handleRequest(event("ws-connect.json"), null);
    assertThat(registered(CONNECTION)).isNotNull();

    APIGatewayV2WebSocketResponse response =
        handler.handleRequest(event("ws-disconnect.json"), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(registered(CONNECTION)).isNull();
    // A second, late $disconnect is harmless.
    assertThat(handler.handleRequest(event("ws-disconnect.json"), null).getStatusCode())
        .isEqualTo(200);
  }

  @Test
  void badEventsAre400() {
    assertThat(handler.handleRequest(null, null).getStatusCode()).isEqualTo(400);
    assertThat(handler.handleRequest(new APIGatewayV2WebSocketEvent(), null).getStatusCode())
        .isEqualTo(400);
  }

  @Test
  void aMessagePostedOverRestReachesASubscribedConnection() throws Exception {
    handler.handleRequest(event("ws-connect.json"), null);
    RestApiHandler rest = new RestApiHandler(test.runtime);
    APIGatewayProxyRequestEvent create =
        Events.load("rest-v1.json", APIGatewayProxyRequestEvent.class);
    create.setHttpMethod("POST");
    create.setHeaders(Map.of("Content-Type", "application/json"));
    create.setMultiValueHeaders(null);
    create.setPath("/rooms");
    create.setBody("{\"name\":\"general\",\"type\":\"PUBLIC\"}");
    create.getRequestContext().setAuthorizer(Map.of("principalId", "alice"));
    String roomId =
        Events.MAPPER.readTree(rest.handleRequest(create, null).getBody()).get("id").asText();

    handler.handleRequest(
        message("{\"action\":\"subscribe\",\"rooms\":[{\"roomId\":\"" + roomId + "\"}]}"), null);
    assertThat(lastFrameTo(CONNECTION).get("type").asText()).isEqualTo("ack");

    APIGatewayProxyRequestEvent post =
        Events.load("rest-v1.json", APIGatewayProxyRequestEvent.class);
    post.setHttpMethod("POST");
    post.setHeaders(Map.of("Content-Type", "application/json"));
    post.setMultiValueHeaders(null);
    post.setPath("/rooms/" + roomId + "/messages");
    post.setBody("{\"text\":\"over rest\"}");
    post.getRequestContext().setAuthorizer(Map.of("principalId", "alice"));
    assertThat(rest.handleRequest(post, null).getStatusCode()).isEqualTo(201);

    assertThat(test.connections.framesTo(CONNECTION))
        .anySatisfy(
            frame -> {
              assertThat(frame).contains("\"message.posted\"");
              assertThat(frame).contains("over rest");
            });
  }
}
