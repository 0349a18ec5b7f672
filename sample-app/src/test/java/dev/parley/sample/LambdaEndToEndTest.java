package dev.parley.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapter.lambda.LambdaInMemoryComponent;
import dev.parley.adapter.lambda.LambdaRuntime;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.sample.lambdalocal.LambdaLocal;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acceptance scenarios against the Lambda handlers behind the local API Gateway emulator
 * (in-memory store, HS256 tokens): real HTTP and WebSocket clients, the REQUEST authorizer on
 * {@code $connect}, and replies and events pushed back through the real AWS SDK Management API
 * client. Plus what only Lambda has: 410 clean-up of a client whose {@code $disconnect} was missed,
 * and bans enforced with DeleteConnection.
 */
class LambdaEndToEndTest extends ChatEndToEndScenarios {
  private static final String SECRET = "lambda-end-to-end-test-secret-0123456789ab";
  private static final String OTHER_SECRET = "somebody-else's-secret-0123456789-abcdef";

  private static LambdaLocal local;

  @BeforeAll
  static void startEmulator() throws Exception {
    local =
        LambdaLocal.start(
            "127.0.0.1",
            0,
            config ->
                LambdaInMemoryComponent.create(config, JwtSettings.hs256(SECRET, null, null)));
    assertThat(local.emulator().port()).isPositive();
  }

  @AfterAll
  static void stopEmulator() {
    if (local != null) {
      local.close();
    }
  }

  @Override
  protected URI httpBase() {
    return local.emulator().httpUri();
  }

  @Override
  protected URI webSocketUri() {
    return local.emulator().webSocketUri();
  }

  @Override
  protected String tokenFor(String user) {
    return TestTokens.valid(SECRET, user);
  }

  @Override
  protected String expiredTokenFor(String user) {
    return TestTokens.expired(SECRET, user);
  }

  @Override
  protected String tokenSignedWithAnotherKeyFor(String user) {
    return TestTokens.valid(OTHER_SECRET, user);
  }

  @Override
  protected String tokenWithSubject(String subject) {
    return TestTokens.valid(SECRET, subject);
  }

  /** Lambda never posts from $connect: see {@link ChatEndToEndScenarios#sendsHelloFrame()}. */
  @Override
  protected boolean sendsHelloFrame() {
    return false;
  }

  /** The authorizer's Deny: API Gateway answers 403. */
  @Override
  protected int refusedHandshakeStatus() {
    return 403;
  }

  /** DeleteConnection: the emulator closes the socket normally, as API Gateway does. */
  @Override
  protected void assertBannedCloseCode(int code) {
    assertThat(code).as("close code").isEqualTo(1000);
  }

  // --- Lambda only ------------------------------------------------------------------------------

  @Test
  void aClientThatVanishedWithoutDisconnectIsForgottenOnTheFirst410() throws Exception {
    String alice = user("alice");
    String bob = user("bob");
    String room = createRoomWith(alice, bob);
    String bobConnection = connectAndFindId(bob, room);
    LambdaRuntime runtime = local.runtime();
    ConnectionId id = ConnectionId.of(bobConnection);

    assertThat(local.emulator().vanish(bobConnection)).isTrue();
    assertThat(runtime.connections().find(id, runtime.clock().now()))
        .as("no $disconnect came, so the registry still has it")
        .isPresent();

    // The fan-out of this post is done when the REST call returns: the post to bob got 410.
    Reply post =
        api()
            .post(
                "/rooms/" + room + "/messages",
                tokenFor(alice),
                Map.of("text", "anyone there?", "clientMessageId", "a-410"));
    assertThat(post.status()).as("%s", post).isEqualTo(201);
    assertThat(runtime.connections().find(id, runtime.clock().now())).isEmpty();
  }

  @Test
  void aBanCutsTheBannedUsersSocketWithDeleteConnection() throws Exception {
    String alice = user("alice");
    String eve = user("eve");
    String room = createRoomWith(alice, eve);
    String eveConnection = connectAndFindId(eve, room);
    LambdaRuntime runtime = local.runtime();

    Reply ban =
        api().put("/rooms/" + room + "/bans/" + eve, tokenFor(alice), Map.of("reason", "spam"));
    assertThat(ban.status()).as("%s", ban).isEqualTo(200);

    assertThat(lastSocket.awaitClose()).isEqualTo(1000);
    assertThat(local.emulator().connectionIds()).doesNotContain(eveConnection);
    assertThat(runtime.connections().find(ConnectionId.of(eveConnection), runtime.clock().now()))
        .isEmpty();
  }

  private ChatSocket lastSocket;

  /** Connects {@code user}, subscribes to {@code room}; returns the API Gateway connection id. */
  private String connectAndFindId(String user, String room) throws Exception {
    Set<String> before = new HashSet<>(local.emulator().connectionIds());
    lastSocket = connect(user);
    // The subscribe ack arrives through @connections, so the connection is registered by now.
    assertThat(lastSocket.subscribe(room, null).path("type").asText()).isEqualTo("ack");
    Set<String> added = new HashSet<>(local.emulator().connectionIds());
    added.removeAll(before);
    assertThat(added).as("the new connection").hasSize(1);
    return added.iterator().next();
  }

  private String createRoomWith(String owner, String member) throws Exception {
    Reply created =
        api()
            .post(
                "/rooms",
                tokenFor(owner),
                Map.of("name", "room of " + owner, "type", "private", "invite", List.of(member)));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    return created.json().path("id").asText();
  }
}
