package dev.parley.adapter.fargate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.auth.DevTokens;
import dev.parley.protocol.http.CorsPolicy;
import dev.parley.protocol.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** A started server on an ephemeral port, with HTTP and WebSocket clients and tokens. */
final class TestServer implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  final TestServerComponent component;
  final ChatServer server;
  final HttpClient http = newHttpClient();

  private TestServer(CorsPolicy cors) {
    component = TestServerComponent.create(cors);
    server = component.server();
  }

  static TestServer start() throws Exception {
    return start(CorsPolicy.SAME_ORIGIN_ONLY);
  }

  /** A server that answers browsers from the origins {@code cors} allows. */
  static TestServer start(CorsPolicy cors) throws Exception {
    TestServer started = new TestServer(cors);
    started.server.start();
    return started;
  }

  static HttpClient newHttpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(TIMEOUT)
        .build();
  }

  static String token(String user) {
    return DevTokens.issue(
        TestServerModule.SECRET,
        UserId.of(user),
        Duration.ofMinutes(10),
        TestServerModule.ISSUER,
        null);
  }

  URI uri(String pathAndQuery) {
    return URI.create(server.httpUri() + pathAndQuery);
  }

  HttpRequest.Builder request(String pathAndQuery, String user) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(TIMEOUT);
    if (user != null) {
      builder.header("Authorization", "Bearer " + token(user));
    }
    return builder;
  }

  HttpResponse<String> get(String pathAndQuery, String user) throws Exception {
    return send(request(pathAndQuery, user).GET().build());
  }

  HttpResponse<String> send(String method, String path, String user, String json) throws Exception {
    HttpRequest.BodyPublisher body =
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
    HttpRequest.Builder builder = request(path, user).method(method, body);
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    return send(builder.build());
  }

  HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Creates a public room owned by {@code owner}; returns its id. */
  String createRoom(String owner) throws Exception {
    HttpResponse<String> created =
        send("POST", "/rooms", owner, "{\"name\":\"general\",\"type\":\"PUBLIC\"}");
    if (created.statusCode() != 201) {
      throw new AssertionError("room not created: " + created.statusCode() + " " + created.body());
    }
    return json(created).get("id").asText();
  }

  /** Connects with {@code Authorization: Bearer} and takes the hello frame. */
  WsClient connect(String user) throws Exception {
    WsClient client =
        connect(builder -> builder.header("Authorization", "Bearer " + token(user)), "");
    client.next("hello");
    return client;
  }

  /** Connects with a customised handshake; {@code query} is appended to the URI. */
  WsClient connect(UnaryOperator<WebSocket.Builder> handshake, String query) throws Exception {
    WsClient client = new WsClient();
    connectAsync(handshake, query, client).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    return client;
  }

  CompletableFuture<WebSocket> connectAsync(
      UnaryOperator<WebSocket.Builder> handshake, String query, WsClient client) {
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(TIMEOUT);
    return handshake.apply(builder).buildAsync(URI.create(server.webSocketUri() + query), client);
  }

  /** Subscribes the client to a room and takes the ack. */
  static void subscribe(WsClient client, String roomId) throws Exception {
    client.send(
        "{\"action\":\"subscribe\",\"requestId\":\"s1\",\"rooms\":[{\"roomId\":\""
            + roomId
            + "\"}]}");
    JsonNode ack = client.next("ack");
    if (!ack.at("/result/rooms/0/subscribed").asBoolean()) {
      throw new AssertionError("not subscribed: " + ack);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    return Json.readTree(response.body().getBytes(StandardCharsets.UTF_8));
  }

  /** The cause of a failed future, for asserting on handshake refusals. */
  static Throwable failureOf(CompletableFuture<?> future) throws InterruptedException {
    try {
      future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      throw new AssertionError("expected a failure");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("neither completed nor failed within " + TIMEOUT, e);
    }
  }

  @Override
  public void close() {
    server.stop();
    http.close();
  }
}
