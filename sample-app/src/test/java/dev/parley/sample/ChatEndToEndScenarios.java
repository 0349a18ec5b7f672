package dev.parley.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.domain.user.UserId;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The acceptance scenarios of the chat API, written against a running server: real HTTP and
 * WebSocket clients, and one look inside, at the connection registry, to see what the server has
 * forgotten. A runtime (Fargate, Lambda behind the API Gateway emulator) runs them by extending
 * this class and saying where the server is, where its registry is and how a client vanishes there;
 * its server verifies HS256 tokens signed with {@link #SECRET}.
 *
 * <p>Every test uses users of its own (alice-3f2a...), so the tests share one server and its data
 * without seeing each other's.
 */
abstract class ChatEndToEndScenarios {
  /** The HS256 secret every server under test verifies tokens with. */
  static final String SECRET = "end-to-end-test-secret-0123456789-abcdefgh";

  private static final String OTHER_SECRET = "somebody-else's-secret-0123456789-abcdef";
  private static final String PROBLEMS = "https://parley.dev/problems/";

  /** The one web origin every server under test lets call it from a browser. */
  static final String ALLOWED_ORIGIN = "https://app.parley.test";

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<ChatSocket> sockets = new ArrayList<>();
  private ChatHttpClient api;

  /** The base of the REST API, such as http://127.0.0.1:8080. */
  protected abstract URI httpBase();

  /** The WebSocket endpoint, such as ws://127.0.0.1:8080/ws. */
  protected abstract URI webSocketUri();

  /**
   * The server's connection registry, read from the store the runtime runs on (for checks only: the
   * scenarios never change it).
   */
  protected abstract ConnectionRegistryPort connectionRegistry();

  /**
   * Loses the client of {@code socket} (registered as {@code connectionId}) the way a client
   * vanishes on this runtime: without a close handshake, and without the server being told.
   */
  protected abstract void vanish(ChatSocket socket, String connectionId);

  /**
   * Capability: whether the server learns that a client vanished only when a post to it fails. True
   * behind API Gateway: a missed {@code $disconnect} leaves the connection registered until a post
   * to it answers 410 Gone, which removes it. False where the server holds the TCP connection
   * itself (Fargate) and forgets the client as soon as the connection drops.
   */
  protected boolean learnsOfVanishedClientsFromGone() {
    return false;
  }

  /** A valid token for {@code user}. */
  protected String tokenFor(String user) {
    return TestTokens.valid(SECRET, user);
  }

  /** A token for {@code user} that would be valid but has expired. */
  protected String expiredTokenFor(String user) {
    return TestTokens.expired(SECRET, user);
  }

  /** A token for {@code user} signed with a key the server does not trust. */
  protected String tokenSignedWithAnotherKeyFor(String user) {
    return TestTokens.valid(OTHER_SECRET, user);
  }

  /**
   * A token otherwise valid whose subject is {@code subject} verbatim, even when it is no valid
   * user id.
   */
  protected String tokenWithSubject(String subject) {
    return TestTokens.valid(SECRET, subject);
  }

  /**
   * Capability: whether the server greets each new WebSocket with a {@code hello} frame (user id,
   * unread counts). True on Fargate. False on Lambda by design: API Gateway refuses posts to a
   * connection until {@code $connect} has returned, so the {@code $connect} handler cannot send one
   * (docs/lambda.md, "The $connect rule"); clients ask for it with {@code sayHello} instead. When
   * false, the scenarios check a connection with a {@code ping} round trip instead of the hello.
   */
  protected boolean sendsHelloFrame() {
    return true;
  }

  /**
   * The HTTP status of a WebSocket handshake without a token: 401 where the server authenticates
   * the handshake itself (Fargate); 403 behind API Gateway, which answers a REQUEST authorizer's
   * Deny policy with 403 Forbidden.
   */
  protected int refusedHandshakeStatus() {
    return 401;
  }

  /**
   * Capability: whether the store has a message search index. False on DynamoDB, which answers
   * search with 501 {@code search-unavailable} (docs/dynamodb-design.md).
   */
  protected boolean searchesMessages() {
    return true;
  }

  /** Checks the close code a banned user's connection got; any code a server sends will do. */
  protected void assertBannedCloseCode(int code) {
    assertThat(code).as("close code (1006 means no close frame came)").isNotEqualTo(1006);
  }

  @AfterEach
  void dropSockets() {
    sockets.forEach(ChatSocket::abort);
  }

  // --- scenarios --------------------------------------------------------------------------------

  @Test
  void twoMembersOfAPrivateRoomReceiveEachOthersMessages() throws Exception {
    String alice = user("alice");
    String bob = user("bob");
    String room = createRoom(alice, "private");
    Reply invite = api().post(members(room), tokenFor(alice), Map.of("userId", bob));
    assertThat(invite.status()).as("%s", invite).isEqualTo(200);
    assertThat(invite.json().path("role").asText()).isEqualTo("member");

    ChatSocket aliceSocket = connect(alice);
    ChatSocket bobSocket = connect(bob);
    assertConnectedAs(aliceSocket, alice);
    assertConnectedAs(bobSocket, bob);
    assertSubscribed(aliceSocket.subscribe(room, null), room);
    assertSubscribed(bobSocket.subscribe(room, null), room);

    // alice posts over REST ...
    Reply first = postMessage(alice, room, "hello bob", "alice-1");
    assertThat(first.status()).as("%s", first).isEqualTo(201);
    assertThat(first.json().path("sequence").asLong()).isEqualTo(1);
    JsonNode atBob =
        bobSocket.awaitEvent(
            "message.posted", e -> author(e).equals(alice), "alice's message.posted at bob");
    assertThat(atBob.path("roomId").asText()).isEqualTo(room);
    assertThat(atBob.path("sequence").asLong()).isEqualTo(1);
    assertThat(atBob.path("data").path("id").asText()).isEqualTo(first.json().path("id").asText());
    assertThat(atBob.path("data").path("text").asText()).isEqualTo("hello bob");

    // ... and bob over the WebSocket.
    JsonNode ack =
        bobSocket.request(
            Map.of(
                "action", "postMessage",
                "roomId", room,
                "text", "hi alice",
                "clientMessageId", "bob-1"));
    assertThat(ack.path("type").asText()).as("%s", ack).isEqualTo("ack");
    assertThat(ack.path("result").path("message").path("sequence").asLong()).isEqualTo(2);
    JsonNode atAlice =
        aliceSocket.awaitEvent(
            "message.posted", e -> author(e).equals(bob), "bob's message.posted at alice");
    assertThat(atAlice.path("sequence").asLong()).isEqualTo(2);
    assertThat(atAlice.path("data").path("text").asText()).isEqualTo("hi alice");
  }

  @Test
  void aReconnectingClientResumesExactlyWhatItMissed() throws Exception {
    String alice = user("alice");
    String bob = user("bob");
    String room = createRoom(alice, "private", bob);
    ChatSocket bobSocket = connectAndSubscribe(bob, room);
    assertThat(postMessage(alice, room, "one", "m1").status()).isEqualTo(201);
    assertThat(postMessage(bob, room, "two", "m2").status()).isEqualTo(201);
    bobSocket.awaitEvent("message.posted", e -> e.path("sequence").asLong() == 2, "sequence 2");

    bobSocket.close();
    for (String text : List.of("three", "four", "five")) {
      assertThat(postMessage(alice, room, text, "m-" + text).status()).isEqualTo(201);
    }

    ChatSocket again = connect(bob);
    JsonNode ack = again.subscribe(room, 2L);
    JsonNode result = assertSubscribed(ack, room);
    JsonNode resume = result.path("resume");
    assertThat(sequences(resume.path("messages"))).as("%s", ack).containsExactly(3L, 4L, 5L);
    assertThat(texts(resume.path("messages"))).containsExactly("three", "four", "five");
    assertThat(resume.path("lastSequence").asLong()).isEqualTo(5);
    assertThat(resume.path("limited").asBoolean()).isFalse();
  }

  @Test
  void aNonMemberCannotTellAPrivateRoomExists() throws Exception {
    String alice = user("alice");
    String carol = user("carol");
    String room = createRoom(alice, "private");
    assertThat(postMessage(alice, room, "secret", "s1").status()).isEqualTo(201);
    String token = tokenFor(carol);

    assertProblem(api().get("/rooms/" + room, token), 404, "not-found");
    assertProblem(api().get(messages(room), token), 404, "not-found");
    assertProblem(
        api().post(messages(room), token, Map.of("text", "let me in", "clientMessageId", "c1")),
        404,
        "not-found");
  }

  @Test
  void aGuestCanReadButNotPost() throws Exception {
    String alice = user("alice");
    String dave = user("dave");
    String room = createRoom(alice, "private");
    Reply invite =
        api().post(members(room), tokenFor(alice), Map.of("userId", dave, "role", "guest"));
    assertThat(invite.status()).as("%s", invite).isEqualTo(200);
    assertThat(invite.json().path("role").asText()).isEqualTo("guest");
    assertThat(postMessage(alice, room, "welcome, guest", "w1").status()).isEqualTo(201);

    JsonNode problem = assertProblem(postMessage(dave, room, "may I?", "d1"), 403, "forbidden");
    assertThat(problem.path("reason").asText()).isEqualTo("role-too-low");
    assertThat(problem.path("detail").asText()).isNotBlank();
    Reply history = api().get(messages(room), tokenFor(dave));
    assertThat(history.status()).as("%s", history).isEqualTo(200);
    assertThat(texts(history.json().path("messages"))).containsExactly("welcome, guest");
  }

  @Test
  void aBannedUserIsDisconnectedAndCannotSubscribeAgain() throws Exception {
    String alice = user("alice");
    String eve = user("eve");
    String room = createRoom(alice, "private", eve);
    ChatSocket eveSocket = connectAndSubscribe(eve, room);

    Reply ban =
        api().put("/rooms/" + room + "/bans/" + eve, tokenFor(alice), Map.of("reason", "spam"));
    assertThat(ban.status()).as("%s", ban).isEqualTo(200);
    assertBannedCloseCode(eveSocket.awaitClose());
    awaitNoConnectionsOf(eve, "the banned user's connection");

    ChatSocket again = connect(eve);
    JsonNode ack = again.subscribe(room, null);
    assertThat(ack.path("type").asText()).as("%s", ack).isEqualTo("ack");
    JsonNode refused = ack.path("result").path("rooms").path(0);
    assertThat(refused.path("roomId").asText()).isEqualTo(room);
    assertThat(refused.path("subscribed").asBoolean()).as("%s", ack).isFalse();
    assertThat(refused.path("problem").path("type").asText())
        .isIn(PROBLEMS + "forbidden", PROBLEMS + "not-found");
    Reply post = postMessage(eve, room, "I'm back", "e1");
    assertThat(post.status()).as("%s", post).isIn(403, 404);
  }

  @Test
  void aClientThatVanishedWithoutClosingIsForgottenAndTheRoomCarriesOn() throws Exception {
    String alice = user("alice");
    String bob = user("bob");
    String room = createRoom(alice, "private", bob);
    ChatSocket aliceSocket = connectAndSubscribe(alice, room);
    ChatSocket bobSocket = connectAndSubscribe(bob, room);
    List<String> bobsConnections = connectionsOf(bob);
    assertThat(bobsConnections).as("bob's registered connections").hasSize(1);

    vanish(bobSocket, bobsConnections.getFirst());
    if (learnsOfVanishedClientsFromGone()) {
      assertThat(connectionsOf(bob))
          .as("nobody told the server, so the registry still has bob")
          .isEqualTo(bobsConnections);
    }
    Reply post = postMessage(alice, room, "anyone there?", "a-vanished");
    assertThat(post.status()).as("%s", post).isEqualTo(201);
    if (learnsOfVanishedClientsFromGone()) {
      // The fan-out is over when the REST call returns: its post to bob got the first 410.
      assertThat(connectionsOf(bob)).as("bob after the first 410").isEmpty();
    } else {
      awaitNoConnectionsOf(bob, "the vanished connection");
    }
    // The fan-out went on past bob.
    JsonNode atAlice =
        aliceSocket.awaitEvent(
            "message.posted",
            e -> e.path("data").path("text").asText().equals("anyone there?"),
            "alice's own message.posted");
    assertThat(atAlice.path("roomId").asText()).isEqualTo(room);
  }

  @Test
  void postingTwiceWithTheSameClientMessageIdCreatesOneMessage() throws Exception {
    String alice = user("alice");
    String room = createRoom(alice, "public");

    Reply first = postMessage(alice, room, "only once", "retry-me");
    Reply second = postMessage(alice, room, "only once", "retry-me");

    assertThat(first.status()).as("%s", first).isEqualTo(201);
    assertThat(first.header("Location"))
        .endsWith("/rooms/" + room + "/messages/" + first.json().path("id").asText());
    assertThat(second.status()).as("%s", second).isEqualTo(200);
    assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(second.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
    assertThat(second.json().path("sequence").asLong()).isEqualTo(1);
    Reply history = api().get(messages(room), tokenFor(alice));
    assertThat(sequences(history.json().path("messages"))).containsExactly(1L);
  }

  @Test
  void theWebSocketTakesTheTokenInEachDocumentedPlace() throws Exception {
    String frank = user("frank");
    String token = tokenFor(frank);

    ChatSocket viaSubprotocol =
        remember(
            ChatSocket.connect(
                ChatSocket.client()
                    .newWebSocketBuilder()
                    .subprotocols("parley.v1", "parley.token." + token),
                webSocketUri(),
                sendsHelloFrame()));
    assertConnectedAs(viaSubprotocol, frank);
    assertThat(viaSubprotocol.webSocket().getSubprotocol()).isEqualTo("parley.v1");

    URI withQuery =
        URI.create(webSocketUri() + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    ChatSocket viaQuery =
        remember(
            ChatSocket.connect(
                ChatSocket.client().newWebSocketBuilder(), withQuery, sendsHelloFrame()));
    assertConnectedAs(viaQuery, frank);

    assertThatThrownBy(
            () -> ChatSocket.connect(ChatSocket.client().newWebSocketBuilder(), webSocketUri()))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            WebSocketHandshakeException.class,
            e -> assertThat(e.getResponse().statusCode()).isEqualTo(refusedHandshakeStatus()));
  }

  /**
   * Each mistake is answered with its documented problem, and none of them leaves the server unable
   * to serve the next client.
   */
  @TestFactory
  Stream<DynamicTest> badRequestsGetProblemDetailsAndTheServerKeepsServing() throws Exception {
    String alice = user("alice");
    String token = tokenFor(alice);
    String room = createRoom(alice, "public");
    String posts = messages(room);
    String json = ChatHttpClient.JSON;

    List<DynamicTest> cases = new ArrayList<>();
    cases.add(
        dynamicTest(
            "malformed JSON is 400 malformed-request",
            () -> {
              Reply reply = send("POST", "/rooms", token, json, "{\"name\": \"general\", ");
              assertThat(violations(assertProblem(reply, 400, "malformed-request"))).isNotEmpty();
            }));
    cases.add(
        dynamicTest(
            "a number for a string is 400 malformed-request naming the field",
            () -> {
              Reply reply =
                  send("POST", "/rooms", token, json, "{\"name\": 5, \"type\": \"public\"}");
              assertThat(violationFields(assertProblem(reply, 400, "malformed-request")))
                  .containsExactly("name");
            }));
    cases.add(
        dynamicTest(
            "an unknown field is 400 malformed-request naming the field",
            () -> {
              Reply reply =
                  send(
                      "POST",
                      "/rooms",
                      token,
                      json,
                      "{\"name\": \"general\", \"type\": \"public\", \"colour\": \"red\"}");
              assertThat(violationFields(assertProblem(reply, 400, "malformed-request")))
                  .containsExactly("colour");
            }));
    cases.add(
        dynamicTest(
            "a 2 MB body is 413 payload-too-large",
            () -> {
              byte[] body = new byte[2 * 1024 * 1024];
              Arrays.fill(body, (byte) 'a');
              byte[] prefix = "{\"text\": \"".getBytes(StandardCharsets.US_ASCII);
              System.arraycopy(prefix, 0, body, 0, prefix.length);
              body[body.length - 2] = '"';
              body[body.length - 1] = '}';
              assertProblem(api().send("POST", posts, token, json, body), 413, "payload-too-large");
            }));
    cases.add(
        dynamicTest(
            "invalid UTF-8 is 400 malformed-request",
            () -> {
              byte[] body =
                  concat(
                      "{\"text\": \"caf".getBytes(StandardCharsets.US_ASCII),
                      new byte[] {(byte) 0xC3, (byte) 0x28},
                      "\", \"clientMessageId\": \"utf\"}".getBytes(StandardCharsets.US_ASCII));
              assertProblem(api().send("POST", posts, token, json, body), 400, "malformed-request");
            }));
    cases.add(
        dynamicTest(
            "text/plain is 415 unsupported-media-type",
            () ->
                assertProblem(
                    send("POST", posts, token, "text/plain", "{\"text\": \"hi\"}"),
                    415,
                    "unsupported-media-type")));
    cases.add(
        dynamicTest(
            "an invalid cursor is 400 invalid-input on cursor",
            () ->
                assertThat(
                        violationFields(
                            assertProblem(
                                api().get(posts + "?cursor=bm90LWEtY3Vyc29y", token),
                                400,
                                "invalid-input")))
                    .containsExactly("cursor")));
    cases.add(
        dynamicTest(
            "limit=0 is 400 invalid-input on limit",
            () ->
                assertThat(
                        violationFields(
                            assertProblem(
                                api().get(posts + "?limit=0", token), 400, "invalid-input")))
                    .containsExactly("limit")));
    cases.add(
        dynamicTest(
            "limit=abc is 400 invalid-input on limit",
            () ->
                assertThat(
                        violationFields(
                            assertProblem(
                                api().get(posts + "?limit=abc", token), 400, "invalid-input")))
                    .containsExactly("limit")));
    cases.add(
        dynamicTest(
            "no token is 401 with a Bearer challenge",
            () -> {
              Reply reply = api().get("/rooms", null);
              assertProblem(reply, 401, "unauthenticated");
              assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
            }));
    cases.add(
        unauthenticated("a token signed with another key", tokenSignedWithAnotherKeyFor(alice)));
    cases.add(unauthenticated("an expired token", expiredTokenFor(alice)));
    cases.add(unauthenticated("an unsigned (alg none) token", TestTokens.unsigned(alice)));
    cases.add(unauthenticated("a token that is no JWT", "not.a.jwt"));
    cases.add(
        unauthenticated(
            "a token whose subject is no valid user id", tokenWithSubject("not a user id")));
    cases.add(
        dynamicTest(
            "an unknown route is 404 not-found",
            () -> assertProblem(api().get("/no-such-resource", token), 404, "not-found")));
    cases.add(
        dynamicTest(
            "a wrong method is 405 with Allow",
            () -> {
              Reply reply = api().send("DELETE", "/rooms", token, null, null);
              assertProblem(reply, 405, "method-not-allowed");
              assertThat(reply.header("Allow")).isEqualTo("GET, POST");
            }));
    cases.add(
        dynamicTest(
            "afterwards the server still serves normal requests",
            () -> {
              Reply post = postMessage(alice, room, "still here", "after-the-storm");
              assertThat(post.status()).as("%s", post).isEqualTo(201);
              Reply history = api().get(posts, token);
              assertThat(history.status()).as("%s", history).isEqualTo(200);
              assertThat(texts(history.json().path("messages"))).containsExactly("still here");
            }));
    return cases.stream();
  }

  // --- cross-origin browsers (CORS) -------------------------------------------------------------

  @Test
  void aBrowserPageOnTheAllowedOriginMayCallTheApiAndAPageOnAnotherMayNot() throws Exception {
    String alice = user("alice");
    HttpResponse<String> allowed = preflight(ALLOWED_ORIGIN);
    assertThat(allowed.statusCode()).as("preflight from the allowed origin").isBetween(200, 204);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue(ALLOWED_ORIGIN);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods").orElseThrow())
        .containsIgnoringCase("POST");
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
        .containsIgnoringCase("authorization");

    HttpResponse<String> call =
        ChatHttpClient.shared()
            .send(
                HttpRequest.newBuilder(httpBase().resolve("/rooms"))
                    .header("Origin", ALLOWED_ORIGIN)
                    .header("Authorization", "Bearer " + tokenFor(alice))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(call.statusCode()).as("%s", call.body()).isEqualTo(200);
    assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
    assertThat(call.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
        .containsIgnoringCase("Retry-After")
        .containsIgnoringCase("X-RateLimit-Remaining");

    HttpResponse<String> refused = preflight("https://elsewhere.example");
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin"))
        .as("no permission for another origin")
        .isEmpty();
  }

  private HttpResponse<String> preflight(String origin) throws Exception {
    return ChatHttpClient.shared()
        .send(
            HttpRequest.newBuilder(httpBase().resolve("/rooms"))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  // --- issue #20, mentions ---------------------------------------------------------------------

  @Test
  void aMentionedMemberIsToldOnAnyConnectionAndCountsItUntilEditedAway() throws Exception {
    String alice = user("alice");
    String bob = user("bob");
    String room = createRoom(alice, "private", bob);
    // Not subscribed to the room: the mention is addressed to the user.
    ChatSocket bobSocket = connect(bob);
    assertConnectedAs(bobSocket, bob);

    Reply posted = postMessage(alice, room, "over to you, @" + bob + ".", "mention-1");
    assertThat(posted.status()).as("%s", posted).isEqualTo(201);
    assertThat(posted.json().path("mentions")).extracting(JsonNode::asText).containsExactly(bob);
    long sequence = posted.json().path("sequence").asLong();

    JsonNode mentioned =
        bobSocket.awaitEvent(
            "message.mentioned",
            e -> e.path("sequence").asLong() == sequence,
            "message.mentioned at bob");
    assertThat(mentioned.path("roomId").asText()).isEqualTo(room);
    assertThat(mentioned.path("data").path("userId").asText()).isEqualTo(bob);
    assertThat(mentioned.path("data").path("by").asText()).isEqualTo(alice);
    assertThat(mentionCountOf(bob, room)).isEqualTo(1);

    String message = messages(room) + "/" + posted.json().path("id").asText();
    Reply edited =
        send("PATCH", message, tokenFor(alice), "application/json", "{\"text\":\"over to me\"}");
    assertThat(edited.status()).as("%s", edited).isEqualTo(200);
    assertThat(edited.json().path("mentions")).isEmpty();
    assertThat(mentionCountOf(bob, room)).isZero();
  }

  /** The mention count of {@code room} in {@code user}'s unread counts. */
  private long mentionCountOf(String user, String room) throws Exception {
    Reply unread = api().get("/me/unread", tokenFor(user));
    assertThat(unread.status()).as("%s", unread).isEqualTo(200);
    for (JsonNode marker : unread.json().path("rooms")) {
      if (marker.path("roomId").asText().equals(room)) {
        return marker.path("mentionCount").asLong();
      }
    }
    throw new AssertionError("no unread counts of " + room + ": " + unread);
  }

  // --- issue #20, user blocking ----------------------------------------------------------------

  @Test
  void aBlockStopsTheDirectRoomBothWaysOverRestAndTheWebSocket() throws Exception {
    String alice = user("alice");
    String bob = user("bob");
    Reply opened = api().post("/direct-rooms", tokenFor(alice), Map.of("userId", bob));
    assertThat(opened.status()).as("%s", opened).isEqualTo(200);
    String direct = opened.json().path("id").asText();
    assertThat(postMessage(bob, direct, "hi alice", "before-block").status()).isEqualTo(201);

    Reply blocked = api().put("/me/blocks/" + bob, tokenFor(alice), Map.of());
    assertThat(blocked.status()).as("%s", blocked).isEqualTo(204);
    Reply list = api().get("/me/blocks", tokenFor(alice));
    assertThat(list.json().path("items").get(0).path("userId").asText()).isEqualTo(bob);

    JsonNode refused =
        assertProblem(postMessage(alice, direct, "bye", "after-block"), 403, "forbidden");
    assertThat(refused.path("reason").asText()).isEqualTo("blocked");
    ChatSocket bobSocket = connect(bob);
    assertConnectedAs(bobSocket, bob);
    JsonNode error =
        bobSocket.request(Map.of("action", "postMessage", "roomId", direct, "text", "hello?"));
    assertThat(error.path("type").asText()).as("%s", error).isEqualTo("error");
    assertThat(error.path("problem").path("reason").asText()).isEqualTo("blocked");

    JsonNode history = api().get(messages(direct), tokenFor(alice)).json();
    assertThat(history.path("messages").get(0).path("authorBlocked").asBoolean()).isTrue();

    Reply unblocked = api().send("DELETE", "/me/blocks/" + bob, tokenFor(alice), null, null);
    assertThat(unblocked.status()).as("%s", unblocked).isEqualTo(204);
    assertThat(postMessage(alice, direct, "welcome back", "after-unblock").status()).isEqualTo(201);
  }

  // --- listings (issue 20: my rooms by activity, pins, threads, bans and mutes)
  // -------------------

  @Test
  void myRoomsComeByLatestActivityWithUnreadCounts() throws Exception {
    String alice = user("alice");
    String bob = user("bob");
    String older = createRoom(alice, "private", bob);
    String newer = createRoom(alice, "private", bob);
    JsonNode first = postMessage(alice, older, "in the older room", "a1").json();
    // The newer room must become strictly later than the older one's message; a second post
    // covers the rare case of both landing in one millisecond (ties go by room id).
    JsonNode latest = postMessage(alice, newer, "in the newer room", "b1").json();
    for (int i = 2; i < 6 && !later(latest, first); i++) {
      latest = postMessage(alice, newer, "in the newer room", "b" + i).json();
    }
    assertThat(later(latest, first)).isTrue();

    Reply page = api().get("/rooms?limit=1", tokenFor(bob));
    Reply rest =
        api()
            .get("/rooms?cursor=" + encode(page.json().path("nextCursor").asText()), tokenFor(bob));

    assertThat(page.status()).as("%s", page).isEqualTo(200);
    assertThat(page.json().path("items").path(0).path("id").asText()).isEqualTo(newer);
    assertThat(page.json().path("items").path(0).path("unreadCount").asLong()).isPositive();
    assertThat(rest.json().path("items").path(0).path("id").asText()).isEqualTo(older);
    assertThat(rest.json().path("items").path(0).path("unreadCount").asLong()).isEqualTo(1);
    assertThat(rest.json().has("nextCursor")).isFalse();
  }

  @Test
  void membersSeeARoomsPinsAndThreadsAndOutsidersDoNot() throws Exception {
    String alice = user("alice");
    String bob = user("bob");
    String carol = user("carol");
    String room = createRoom(alice, "private", bob);
    String rules = postMessage(alice, room, "the rules", "r1").json().path("id").asText();
    postMessage(alice, room, "chatter", "r2");
    Reply pin = api().put(messages(room) + "/" + rules + "/pin", tokenFor(alice), Map.of());
    assertThat(pin.status()).as("%s", pin).isEqualTo(200);
    Reply reply =
        api()
            .post(
                messages(room),
                tokenFor(bob),
                Map.of("text", "agreed", "clientMessageId", "b1", "parentId", rules));
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);

    Reply pins = api().get("/rooms/" + room + "/pins", tokenFor(bob));
    Reply threads = api().get("/rooms/" + room + "/threads", tokenFor(bob));

    assertThat(pins.status()).as("%s", pins).isEqualTo(200);
    assertThat(texts(pins.json().path("items"))).containsExactly("the rules");
    assertThat(threads.status()).as("%s", threads).isEqualTo(200);
    JsonNode thread = threads.json().path("items").path(0);
    assertThat(thread.path("root").path("id").asText()).isEqualTo(rules);
    assertThat(thread.path("root").path("replyCount").asInt()).isEqualTo(1);
    assertThat(thread.path("lastReply").path("text").asText()).isEqualTo("agreed");
    assertThat(thread.path("lastReply").path("author").asText()).isEqualTo(bob);
    assertProblem(api().get("/rooms/" + room + "/pins", tokenFor(carol)), 404, "not-found");
    assertProblem(api().get("/rooms/" + room + "/threads", tokenFor(carol)), 404, "not-found");
    assertThat(
            violationFields(
                assertProblem(
                    api().get("/rooms/" + room + "/pins?cursor=nope", tokenFor(bob)),
                    400,
                    "invalid-input")))
        .containsExactly("cursor");
  }

  @Test
  void moderatorsListBansAndMutesAndMembersMayNot() throws Exception {
    String alice = user("alice");
    String bob = user("bob");
    String dave = user("dave");
    String room = createRoom(alice, "private", bob, dave);
    Reply mute = api().put("/rooms/" + room + "/mutes/" + bob, tokenFor(alice), Map.of());
    assertThat(mute.status()).as("%s", mute).isEqualTo(200);
    Reply ban =
        api().put("/rooms/" + room + "/bans/" + dave, tokenFor(alice), Map.of("reason", "spam"));
    assertThat(ban.status()).as("%s", ban).isEqualTo(200);

    Reply mutes = api().get("/rooms/" + room + "/mutes", tokenFor(alice));
    Reply bans = api().get("/rooms/" + room + "/bans", tokenFor(alice));

    assertThat(mutes.status()).as("%s", mutes).isEqualTo(200);
    assertThat(mutes.json().path("items").path(0).path("userId").asText()).isEqualTo(bob);
    assertThat(mutes.json().path("items").path(0).path("mutedUntil").asText()).isEqualTo("forever");
    assertThat(bans.status()).as("%s", bans).isEqualTo(200);
    JsonNode listed = bans.json().path("items").path(0);
    assertThat(listed.path("userId").asText()).isEqualTo(dave);
    assertThat(listed.path("bannedBy").asText()).isEqualTo(alice);
    assertThat(listed.path("reason").asText()).isEqualTo("spam");
    JsonNode refused =
        assertProblem(api().get("/rooms/" + room + "/bans", tokenFor(bob)), 403, "forbidden");
    assertThat(refused.path("reason").asText()).isEqualTo("role-too-low");
    assertThat(
            violationFields(
                assertProblem(
                    api().get("/rooms/" + room + "/mutes?limit=0", tokenFor(alice)),
                    400,
                    "invalid-input")))
        .containsExactly("limit");
  }

  @Test
  void anyoneFindsPublicRoomsByNamePrefix() throws Exception {
    String alice = user("alice");
    String carol = user("carol");
    String prefix = "dir " + run;
    for (String name : List.of(prefix + " Beta", prefix + " alpha", prefix + " hidden")) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", name);
      body.put("type", name.endsWith("hidden") ? "private" : "public");
      Reply created = api().post("/rooms", tokenFor(alice), body);
      assertThat(created.status()).as("%s", created).isEqualTo(201);
    }
    String search = "/public-rooms?prefix=" + encode(prefix.toUpperCase(Locale.ROOT));

    Reply first = api().get(search + "&limit=1", tokenFor(carol));
    assertThat(first.status()).as("%s", first).isEqualTo(200);
    Reply second =
        api()
            .get(
                search + "&limit=1&cursor=" + encode(first.json().path("nextCursor").asText()),
                tokenFor(carol));

    assertThat(first.json().path("items").path(0).path("name").asText())
        .isEqualTo(prefix + " alpha");
    assertThat(second.json().path("items").path(0).path("name").asText())
        .isEqualTo(prefix + " Beta");
    assertThat(second.json().has("nextCursor")).isFalse();
    assertThat(
            violationFields(
                assertProblem(
                    api().get("/public-rooms?limit=101", tokenFor(carol)), 400, "invalid-input")))
        .containsExactly("limit");
  }

  private static boolean later(JsonNode message, JsonNode than) {
    return Instant.parse(message.path("createdAt").asText())
        .isAfter(Instant.parse(than.path("createdAt").asText()));
  }

  private static String encode(String cursor) {
    return URLEncoder.encode(cursor, StandardCharsets.UTF_8).replace("+", "%20");
  }

  // --- WebSocket actions and rate limits (issue 20) ----------------------------------------------

  @Test
  void aMemberEditsReactsToAndDeletesAMessageOverTheSocketAndTheRoomSeesEachChange()
      throws Exception {
    String alice = user("alice");
    String bob = user("bob");
    String room = createRoom(alice, "private");
    Reply invite = api().post(members(room), tokenFor(alice), Map.of("userId", bob));
    assertThat(invite.status()).as("%s", invite).isEqualTo(200);
    ChatSocket aliceSocket = connectAndSubscribe(alice, room);
    ChatSocket bobSocket = connectAndSubscribe(bob, room);
    JsonNode posted =
        aliceSocket.request(Map.of("action", "postMessage", "roomId", room, "text", "helo"));
    assertThat(posted.path("type").asText()).as("%s", posted).isEqualTo("ack");
    String id = posted.path("result").path("message").path("id").asText();

    JsonNode edited =
        aliceSocket.request(
            Map.of("action", "editMessage", "roomId", room, "messageId", id, "text", "hello"));
    assertThat(edited.path("type").asText()).as("%s", edited).isEqualTo("ack");
    assertThat(edited.path("result").path("text").asText()).isEqualTo("hello");
    JsonNode editEvent =
        bobSocket.awaitEvent(
            "message.edited",
            e -> e.path("data").path("id").asText().equals(id),
            "alice's edit at bob");
    assertThat(editEvent.path("data").path("text").asText()).isEqualTo("hello");
    Reply got = api().get(messages(room) + "/" + id, tokenFor(bob));
    assertThat(got.json().path("text").asText()).isEqualTo("hello");

    JsonNode notTheAuthor =
        bobSocket.request(
            Map.of("action", "editMessage", "roomId", room, "messageId", id, "text", "mine"));
    assertThat(notTheAuthor.path("type").asText()).as("%s", notTheAuthor).isEqualTo("error");
    assertThat(notTheAuthor.path("problem").path("type").asText())
        .isEqualTo(PROBLEMS + "forbidden");

    JsonNode reacted =
        bobSocket.request(
            Map.of("action", "addReaction", "roomId", room, "messageId", id, "emoji", "🎉"));
    assertThat(reacted.path("type").asText()).as("%s", reacted).isEqualTo("ack");
    assertThat(reacted.path("result").path("reactions").get(0).path("users").get(0).asText())
        .isEqualTo(bob);
    JsonNode reactionEvent =
        aliceSocket.awaitEvent(
            "reaction.changed",
            e -> e.path("data").path("added").asBoolean(),
            "bob's reaction at alice");
    assertThat(reactionEvent.path("data").path("emoji").asText()).isEqualTo("🎉");
    JsonNode unreacted =
        bobSocket.request(
            Map.of("action", "removeReaction", "roomId", room, "messageId", id, "emoji", "🎉"));
    assertThat(unreacted.path("result").path("reactions")).isEmpty();
    aliceSocket.awaitEvent(
        "reaction.changed",
        e -> !e.path("data").path("added").asBoolean(),
        "bob's reaction taken back at alice");

    JsonNode unread =
        bobSocket.request(Map.of("action", "markUnread", "roomId", room, "sequence", 1));
    assertThat(unread.path("type").asText()).as("%s", unread).isEqualTo("ack");
    assertThat(unread.path("result").path("unreadCount").asLong()).isEqualTo(1);

    JsonNode deleted =
        aliceSocket.request(Map.of("action", "deleteMessage", "roomId", room, "messageId", id));
    assertThat(deleted.path("type").asText()).as("%s", deleted).isEqualTo("ack");
    assertThat(deleted.path("result").path("deleted").asBoolean()).isTrue();
    bobSocket.awaitEvent(
        "message.deleted",
        e -> e.path("data").path("messageId").asText().equals(id),
        "alice's delete at bob");
    JsonNode gone =
        bobSocket.request(
            Map.of("action", "addReaction", "roomId", room, "messageId", "no-such", "emoji", "x"));
    assertThat(gone.path("problem").path("type").asText()).isEqualTo(PROBLEMS + "not-found");
  }

  // --- presence, search and Lambda frames (issue 20) --------------------------------------------

  @Test
  void sayHelloAnswersTheHelloFrameOnEveryRuntime() throws Exception {
    String alice = user("alice");
    String bob = user("bob");
    String room = createRoom(alice, "private", bob);
    assertThat(postMessage(alice, room, "are you there?", "a-hello").status()).isEqualTo(201);
    ChatSocket bobSocket = connect(bob);

    JsonNode hello = bobSocket.request(Map.of("action", "sayHello"));

    assertThat(hello.path("type").asText()).as("%s", hello).isEqualTo("hello");
    assertThat(hello.path("userId").asText()).isEqualTo(bob);
    assertThat(hello.path("connectionId").asText()).isEqualTo(connectionsOf(bob).getFirst());
    assertThat(hello.path("unread").path("total").asLong()).isEqualTo(1);
  }

  @Test
  void aBannedSocketIsToldWhyBeforeItIsClosed() throws Exception {
    String alice = user("alice");
    String eve = user("eve");
    String room = createRoom(alice, "private", eve);
    ChatSocket eveSocket = connectAndSubscribe(eve, room);

    Reply ban =
        api().put("/rooms/" + room + "/bans/" + eve, tokenFor(alice), Map.of("reason", "spam"));
    assertThat(ban.status()).as("%s", ban).isEqualTo(200);

    JsonNode closing =
        eveSocket.await(f -> f.path("type").asText().equals("closing"), "the closing frame");
    assertThat(closing.path("reason").asText()).isEqualTo("banned");
    assertBannedCloseCode(eveSocket.awaitClose());
    List<String> types = eveSocket.seen().stream().map(f -> f.path("type").asText()).toList();
    assertThat(types).as("the closing frame is the last one").endsWith("closing");
  }

  @Test
  void aMemberSearchesARoomAndAnOutsiderCannot() throws Exception {
    String alice = user("alice");
    String bob = user("bob");
    String mallory = user("mallory");
    String room = createRoom(alice, "private", bob);
    assertThat(postMessage(alice, room, "the release is Friday", "s1").status()).isEqualTo(201);
    assertThat(postMessage(bob, room, "lunch?", "s2").status()).isEqualTo(201);
    assertThat(postMessage(bob, room, "Release notes are ready", "s3").status()).isEqualTo(201);
    String search = "/rooms/" + room + "/messages/search?q=release";

    Reply found = api().get(search, tokenFor(bob));
    Reply outsider = api().get(search, tokenFor(mallory));

    if (searchesMessages()) {
      assertThat(found.status()).as("%s", found).isEqualTo(200);
      assertThat(texts(found.json().path("items")))
          .containsExactly("Release notes are ready", "the release is Friday");
      assertProblem(api().get(search.replace("release", ""), tokenFor(bob)), 400, "invalid-input");
    } else {
      JsonNode problem = assertProblem(found, 501, "search-unavailable");
      assertThat(problem.path("detail").asText()).contains("OpenSearch");
    }
    assertProblem(outsider, 404, "not-found");
  }

  // --- helpers ----------------------------------------------------------------------------------

  /** A user name of this test only. */
  protected String user(String name) {
    return name + "-" + run;
  }

  protected ChatHttpClient api() {
    if (api == null) {
      api = new ChatHttpClient(httpBase());
    }
    return api;
  }

  private DynamicTest unauthenticated(String name, String badToken) {
    return dynamicTest(
        name + " is 401 unauthenticated",
        () -> {
          Reply reply = api().get("/rooms", badToken);
          assertProblem(reply, 401, "unauthenticated");
          assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        });
  }

  protected ChatSocket connect(String user) throws Exception {
    return remember(ChatSocket.connect(webSocketUri(), tokenFor(user), sendsHelloFrame()));
  }

  /** Connects {@code user} and subscribes to {@code room}; fails unless the server acknowledges. */
  private ChatSocket connectAndSubscribe(String user, String room) throws Exception {
    ChatSocket socket = connect(user);
    assertSubscribed(socket.subscribe(room, null), room);
    return socket;
  }

  /**
   * Checks that the socket is open for {@code user}: by its hello frame where the runtime sends
   * one, else by a ping answered with a pong (the connection is registered and authorized).
   */
  private void assertConnectedAs(ChatSocket socket, String user) throws Exception {
    if (sendsHelloFrame()) {
      assertThat(socket.hello().path("userId").asText()).isEqualTo(user);
    } else {
      JsonNode pong = socket.request(Map.of("action", "ping"));
      assertThat(pong.path("type").asText()).as("%s", pong).isEqualTo("pong");
    }
  }

  /** The ids of {@code user}'s unexpired connections in the server's registry. */
  private List<String> connectionsOf(String user) {
    return connectionRegistry().byUser(UserId.of(user), Instant.now()).stream()
        .map(connection -> connection.id().value())
        .toList();
  }

  /**
   * Polls the registry until it holds no connection of {@code user}: the server may learn of a
   * closed connection on another thread, after the client has seen the close.
   */
  private void awaitNoConnectionsOf(String user, String what) {
    long deadline = System.nanoTime() + ChatSocket.TIMEOUT.toNanos();
    List<String> left = connectionsOf(user);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      left = connectionsOf(user);
    }
    assertThat(left)
        .as("%s still registered after %d s", what, ChatSocket.TIMEOUT.toSeconds())
        .isEmpty();
  }

  private ChatSocket remember(ChatSocket socket) {
    sockets.add(socket);
    return socket;
  }

  /** Creates a room owned by {@code owner}, inviting {@code invite}; returns its id. */
  private String createRoom(String owner, String type, String... invite) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "room of " + owner);
    body.put("type", type);
    body.put("invite", List.of(invite));
    Reply created = api().post("/rooms", tokenFor(owner), body);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String id = created.json().path("id").asText();
    assertThat(created.header("Location")).endsWith("/rooms/" + id);
    assertThat(created.json().path("yourRole").asText()).isEqualTo("owner");
    return id;
  }

  private Reply postMessage(String author, String room, String text, String clientMessageId)
      throws Exception {
    return api()
        .post(
            messages(room),
            tokenFor(author),
            Map.of("text", text, "clientMessageId", clientMessageId));
  }

  private Reply send(String method, String path, String token, String contentType, String body)
      throws Exception {
    return api().send(method, path, token, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Checks an RFC 9457 answer: status, media type, problem type; returns the document. */
  static JsonNode assertProblem(Reply reply, int status, String code) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(status);
    assertThat(reply.header("Content-Type")).as("%s", reply).startsWith("application/problem+json");
    JsonNode problem = reply.json();
    assertThat(problem.path("type").asText()).as("%s", reply).isEqualTo(PROBLEMS + code);
    assertThat(problem.path("status").asInt()).as("%s", reply).isEqualTo(status);
    assertThat(problem.path("title").asText()).as("%s", reply).isNotBlank();
    return problem;
  }

  private static JsonNode assertSubscribed(JsonNode ack, String room) {
    assertThat(ack.path("type").asText()).as("%s", ack).isEqualTo("ack");
    JsonNode result = ack.path("result").path("rooms").path(0);
    assertThat(result.path("roomId").asText()).as("%s", ack).isEqualTo(room);
    assertThat(result.path("subscribed").asBoolean()).as("%s", ack).isTrue();
    return result;
  }

  private static String members(String room) {
    return "/rooms/" + room + "/members";
  }

  private static String messages(String room) {
    return "/rooms/" + room + "/messages";
  }

  private static String author(JsonNode event) {
    return event.path("data").path("author").asText();
  }

  private static List<Long> sequences(JsonNode messages) {
    return stream(messages).map(m -> m.path("sequence").asLong()).toList();
  }

  private static List<String> texts(JsonNode messages) {
    return stream(messages).map(m -> m.path("text").asText()).toList();
  }

  private static List<JsonNode> violations(JsonNode problem) {
    return stream(problem.path("violations")).toList();
  }

  private static List<String> violationFields(JsonNode problem) {
    return stream(problem.path("violations")).map(v -> v.path("field").asText()).toList();
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
