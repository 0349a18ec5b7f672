package dev.parley.local.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The three APIs wired into one server, over loopback, with stand-in functions: the handshake, the
 * routing of frames, and the Management API reaching (or not) the client.
 */
class ApiGatewayEmulatorTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final HttpClient client = HttpClient.newHttpClient();
  private final BlockingQueue<APIGatewayV2WebSocketEvent> webSocketEvents =
      new LinkedBlockingQueue<>();
  private ApiGatewayEmulator emulator;

  @BeforeEach
  void start() throws Exception {
    emulator = ApiGatewayEmulator.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void everyApiAnswers503UntilTheFunctionsAreAttached() throws Exception {
    assertThat(client.send(get("/rooms"), BodyHandlers.ofString()).statusCode()).isEqualTo(503);
    assertThat(client.send(get("/ws/@connections/x"), BodyHandlers.ofString()).statusCode())
        .isEqualTo(503);
    assertThat(handshakeStatus("good")).isEqualTo(503);
  }

  @Test
  void httpRequestsReachTheHttpFunction() throws Exception {
    attach();

    var response = client.send(get("/rooms"), BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("rooms");
  }

  @Test
  void deniedHandshakeIs403AndConnectDoesNotRun() throws Exception {
    attach();

    assertThat(handshakeStatus("bad")).isEqualTo(403);
    assertThat(webSocketEvents).isEmpty();
  }

  @Test
  void authorizerFailingWithUnauthorizedIs401AndAnyOtherFailure500() throws Exception {
    attach();

    assertThat(handshakeStatus("unauthorized")).isEqualTo(401);
    assertThat(handshakeStatus("broken")).isEqualTo(500);
    assertThat(webSocketEvents).isEmpty();
  }

  @Test
  void connectCarriesThePrincipalAndFramesAreRoutedOnTheirAction() throws Exception {
    attach();
    Client alice = connect("good");

    APIGatewayV2WebSocketEvent connect = next();
    awaitOpen(connect);
    assertThat(connect.getRequestContext().getRouteKey()).isEqualTo("$connect");
    assertThat(connect.getRequestContext().getAuthorizer())
        .containsEntry("principalId", "alice")
        .containsEntry("userId", "u-alice");

    alice.socket().sendText("{\"action\":\"ping\"}", true).get();
    alice.socket().sendText("{\"action\":\"dance\"}", true).get();

    assertThat(next().getRequestContext().getRouteKey()).isEqualTo("ping");
    APIGatewayV2WebSocketEvent fallback = next();
    assertThat(fallback.getRequestContext().getRouteKey()).isEqualTo("$default");
    assertThat(fallback.getRequestContext().getAuthorizer()).containsEntry("principalId", "alice");
  }

  @Test
  void postToAConnectionReachesItsClientUntilItIsDeleted() throws Exception {
    attach();
    Client alice = connect("good");
    String id = awaitOpen(next());

    assertThat(management("POST", id, "{\"type\":\"message\"}")).isEqualTo(200);
    assertThat(alice.frames().poll(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isEqualTo("{\"type\":\"message\"}");

    assertThat(management("DELETE", id, "")).isEqualTo(204);
    APIGatewayV2WebSocketEvent disconnect = next();
    assertThat(disconnect.getRequestContext().getRouteKey()).isEqualTo("$disconnect");
    assertThat(disconnect.getRequestContext().getConnectionId()).isEqualTo(id);
    assertThat(management("POST", id, "{}")).isEqualTo(410);
    assertThat(emulator.connectionIds()).isEmpty();
  }

  @Test
  void vanishedConnectionIsGoneWithoutDisconnect() throws Exception {
    attach();
    connect("good");
    String id = awaitOpen(next());

    assertThat(emulator.vanish(id)).isTrue();

    assertThat(management("POST", id, "{}")).isEqualTo(410);
    assertThat(webSocketEvents.poll(500, TimeUnit.MILLISECONDS)).isNull();
    assertThat(emulator.vanish(id)).isFalse();
  }

  @Test
  void closeWaitsForTheDisconnectOfEveryConnection() throws Exception {
    attach();
    connect("good");
    awaitOpen(next());

    emulator.close();

    APIGatewayV2WebSocketEvent disconnect = webSocketEvents.poll();
    assertThat(disconnect).as("$disconnect returned before close() did").isNotNull();
    assertThat(disconnect.getRequestContext().getStatus()).isEqualTo("1001");
  }

  private void attach() {
    emulator.attach(
        new LambdaFunctions(
            (event, context) ->
                APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("rooms").build(),
            (event, context) -> {
              webSocketEvents.add(event);
              APIGatewayV2WebSocketResponse ok = new APIGatewayV2WebSocketResponse();
              ok.setStatusCode(200);
              return ok;
            },
            (event, context) -> {
              if (hasToken(event.getHeaders(), "unauthorized")) {
                throw new IllegalStateException(WebSocketHandshake.UNAUTHORIZED);
              }
              if (hasToken(event.getHeaders(), "broken")) {
                throw new IllegalStateException("the authorizer broke");
              }
              return policy(hasToken(event.getHeaders(), "good"));
            }));
  }

  private static boolean hasToken(Map<String, String> headers, String token) {
    return headers.entrySet().stream()
        .anyMatch(h -> h.getKey().equalsIgnoreCase("X-Token") && h.getValue().equals(token));
  }

  private static IamPolicyResponse policy(boolean allow) {
    String arn = "arn:aws:execute-api:local:000000000000:local/ws/$connect";
    return IamPolicyResponse.builder()
        .withPrincipalId(allow ? "alice" : "anonymous")
        .withPolicyDocument(
            IamPolicyResponse.PolicyDocument.builder()
                .withVersion(IamPolicyResponse.VERSION_2012_10_17)
                .withStatement(
                    List.of(
                        allow
                            ? IamPolicyResponse.allowStatement(arn)
                            : IamPolicyResponse.denyStatement(arn)))
                .build())
        .withContext(Map.of("userId", allow ? "u-alice" : "none"))
        .build();
  }

  private record Client(WebSocket socket, BlockingQueue<String> frames) {}

  private Client connect(String token) throws Exception {
    BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    WebSocket socket =
        client
            .newWebSocketBuilder()
            .header("X-Token", token)
            .buildAsync(
                emulator.webSocketUri(),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(
                      WebSocket webSocket, CharSequence data, boolean last) {
                    frames.add(data.toString());
                    webSocket.request(1);
                    return null;
                  }
                })
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return new Client(socket, frames);
  }

  private int handshakeStatus(String token) {
    CompletableFuture<WebSocket> handshake =
        client
            .newWebSocketBuilder()
            .header("X-Token", token)
            .buildAsync(emulator.webSocketUri(), new WebSocket.Listener() {});
    Throwable refused = catchThrowable(() -> handshake.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    assertThat(refused).isInstanceOf(ExecutionException.class);
    assertThat(refused.getCause()).isInstanceOf(WebSocketHandshakeException.class);
    return ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode();
  }

  private APIGatewayV2WebSocketEvent next() throws InterruptedException {
    APIGatewayV2WebSocketEvent event = webSocketEvents.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(event).as("an event within %s", WAIT).isNotNull();
    return event;
  }

  /**
   * The connection's id, once the Management API can reach it: API Gateway, too, accepts posts only
   * after {@code $connect} has returned and the upgrade is done.
   */
  private String awaitOpen(APIGatewayV2WebSocketEvent connect) throws InterruptedException {
    String id = connect.getRequestContext().getConnectionId();
    await("the connection is registered")
        .atMost(WAIT)
        .until(() -> emulator.connectionIds().contains(id));
    assertThat(emulator.connectionIds()).containsExactly(id);
    return id;
  }

  private int management(String method, String connectionId, String body) throws Exception {
    URI uri = URI.create(emulator.connectionsEndpoint() + "/@connections/" + connectionId);
    return client
        .send(
            HttpRequest.newBuilder(uri).method(method, BodyPublishers.ofString(body)).build(),
            BodyHandlers.ofString())
        .statusCode();
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(emulator.httpUri().resolve(path)).build();
  }
}
