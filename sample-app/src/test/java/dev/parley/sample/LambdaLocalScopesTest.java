package dev.parley.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --runtime=lambda-local} with tokens from an issuer's keys, as in AWS: the emulator's HTTP
 * API authorizes every route as the SAM templates' JWT authorizer does, with the scope {@code
 * RouteScopes} gives it, and the functions trust what it verified.
 */
class LambdaLocalScopesTest {
  private static final String ISSUER = "https://issuer.parley.test";
  private static final String READ = "parley/read";
  private static final String WRITE = "parley/read parley/write";
  private static final String MODERATE = "parley/read parley/write parley/moderate";

  private static RSAKey key;
  private static HttpServer jwks;
  private static LambdaLocalDeployment deployment;
  private static ChatHttpClient api;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void start() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
    byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    jwks.createContext(
        "/jwks.json",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, keys.length);
          exchange.getResponseBody().write(keys);
          exchange.close();
        });
    jwks.start();
    Map<String, String> env =
        Map.of(
            "CHAT_HOST",
            "127.0.0.1",
            "CHAT_PORT",
            "0",
            "CHAT_JWT_JWKS_URL",
            "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json",
            "CHAT_JWT_ISSUER",
            ISSUER);
    deployment = LambdaLocalDeployment.start(SampleConfig.fromEnvironment(env, "memory"));
    api = new ChatHttpClient(deployment.local().emulator().httpUri());
  }

  @AfterAll
  static void stop() {
    if (deployment != null) {
      deployment.close();
    }
    if (jwks != null) {
      jwks.stop(0);
    }
  }

  @Test
  void withoutAValidTokenTheGatewayAnswers401AndTheFunctionIsNotAsked() throws Exception {
    Reply none = api.get("/rooms", null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().path("message").asText()).isEqualTo("Unauthorized");

    Reply foreign = api.get("/rooms", TestTokens.valid(ChatEndToEndScenarios.SECRET, user("a")));
    assertThat(foreign.status()).as("an HS256 token is no token of this issuer").isEqualTo(401);
  }

  @Test
  void aTokenWithoutTheRoutesScopeIs403FromTheGateway() throws Exception {
    String alice = user("alice");
    Reply read = api.get("/rooms", token(alice, READ));
    assertThat(read.status()).as("%s", read).isEqualTo(200);

    Reply create = api.post("/rooms", token(alice, READ), Map.of("name", "r", "type", "public"));
    assertThat(create.status()).isEqualTo(403);
    assertThat(create.json().path("message").asText()).isEqualTo("Forbidden");
  }

  @Test
  void aModerationRouteNeedsTheModerateScopeEvenForTheRoomsOwner() throws Exception {
    String alice = user("alice");
    String bob = user("bob");
    Reply created =
        api.post("/rooms", token(alice, WRITE), Map.of("name", "general", "type", "public"));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String room = created.json().path("id").asText();
    assertThat(api.post("/rooms/" + room + "/members", token(bob, WRITE), Map.of()).status())
        .isEqualTo(200);
    String ban = "/rooms/" + room + "/bans/" + bob;

    assertThat(api.put(ban, token(alice, WRITE), Map.of()).status())
        .as("the owner's token without parley/moderate")
        .isEqualTo(403);
    Reply banned = api.put(ban, token(alice, MODERATE), Map.of());
    assertThat(banned.status()).as("%s", banned).isBetween(200, 204);
  }

  @Test
  void theDocumentsAreOpenAndAnUnknownPathIsTheFunctionsOwnProblem() throws Exception {
    assertThat(api.get("/openapi.yaml", null).status()).isEqualTo(200);

    Reply unknown = api.get("/no-such-route", token(user("a"), READ));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
  }

  private String user(String name) {
    return name + "-" + run;
  }

  private static String token(String user, String scope) throws Exception {
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
            new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(user)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .claim("scope", scope)
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
