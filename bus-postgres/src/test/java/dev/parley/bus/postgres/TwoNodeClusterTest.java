package dev.parley.bus.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.adapter.fargate.ChatServer;
import dev.parley.adapter.fargate.WsClient;
import dev.parley.adapter.postgres.PostgresSchema;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.auth.DevTokens;
import dev.parley.protocol.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two chat servers (two nodes) on different ports sharing one schema, each with its own {@link
 * PostgresClusterBus}: what happens on node A reaches the sockets held by node B.
 */
class TwoNodeClusterTest {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema(4);

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static TwoNodeComponent nodeA;
  private static TwoNodeComponent nodeB;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

  @BeforeAll
  static void startNodes() throws Exception {
    nodeA = start("node-a");
    nodeB = start("node-b");
    assertThat(nodeA.server().port()).isNotEqualTo(nodeB.server().port());
  }

  private static TwoNodeComponent start(String name) throws Exception {
    TwoNodeComponent node =
        TwoNodeComponent.create(
            DB.config().withPoolSize(4).withApplicationName(DB.config().applicationName() + name));
    node.server().start(); // building the server started the bus
    assertThat(node.bus().awaitListening(TIMEOUT)).as(name + " listening").isTrue();
    return node;
  }

  @AfterAll
  static void stopNodes() {
    for (TwoNodeComponent node : new TwoNodeComponent[] {nodeA, nodeB}) {
      if (node != null) {
        node.server().stop();
        node.bus().close();
        node.dataSource().close();
      }
    }
    HTTP.close();
  }

  @Test
  void aMessagePostedOnNodeAReachesASubscriberOnNodeB() throws Exception {
    String room = createRoom(nodeA, "alice");
    assertThat(send(nodeB, "POST", "/rooms/" + room + "/members", "bob", null).statusCode())
        .isEqualTo(200);
    WsClient bob = connect(nodeB, "bob");
    subscribe(bob, room);

    HttpResponse<String> posted =
        send(nodeA, "POST", "/rooms/" + room + "/messages", "alice", "{\"text\":\"hi from A\"}");
    assertThat(posted.statusCode()).isEqualTo(201);

    JsonNode event = bob.nextEvent("message.posted");
    assertThat(event.get("roomId").asText()).isEqualTo(room);
    assertThat(event.at("/data/text").asText()).isEqualTo("hi from A");
    assertThat(event.get("sequence").asLong()).isEqualTo(1);
  }

  @Test
  void kickingOnNodeAClosesTheUsersSocketOnNodeBWith1008() throws Exception {
    String room = createRoom(nodeA, "alice");
    assertThat(send(nodeB, "POST", "/rooms/" + room + "/members", "carol", null).statusCode())
        .isEqualTo(200);
    WsClient carol = connect(nodeB, "carol");
    subscribe(carol, room);

    assertThat(
            send(nodeA, "DELETE", "/rooms/" + room + "/members/carol", "alice", null).statusCode())
        .isEqualTo(204);

    WsClient.Closed closed = carol.awaitClose();
    assertThat(closed.code()).isEqualTo(1008);
    assertThat(closed.reason()).isEqualTo("kicked");
  }

  private static String token(String user) {
    return DevTokens.issue(
        TwoNodeComponent.SECRET,
        UserId.of(user),
        Duration.ofMinutes(10),
        TwoNodeComponent.ISSUER,
        null);
  }

  private static String createRoom(TwoNodeComponent node, String owner) throws Exception {
    HttpResponse<String> created =
        send(node, "POST", "/rooms", owner, "{\"name\":\"general\",\"type\":\"PUBLIC\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Json.readTree(created.body().getBytes(StandardCharsets.UTF_8)).get("id").asText();
  }

  private static HttpResponse<String> send(
      TwoNodeComponent node, String method, String path, String user, String json)
      throws Exception {
    ChatServer server = node.server();
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(server.httpUri() + path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token(user))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static WsClient connect(TwoNodeComponent node, String user) throws Exception {
    WsClient client = new WsClient();
    HTTP.newWebSocketBuilder()
        .connectTimeout(TIMEOUT)
        .header("Authorization", "Bearer " + token(user))
        .buildAsync(node.server().webSocketUri(), client)
        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    client.next("hello");
    return client;
  }

  private static void subscribe(WsClient client, String roomId) throws Exception {
    client.send(
        "{\"action\":\"subscribe\",\"requestId\":\"s1\",\"rooms\":[{\"roomId\":\""
            + roomId
            + "\"}]}");
    JsonNode ack = client.next("ack");
    assertThat(ack.at("/result/rooms/0/subscribed").asBoolean()).as(ack.toString()).isTrue();
  }
}
