package dev.parley.benchmarks.coldstart;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.parley.adapter.dynamodb.DynamoDbClients;
import dev.parley.adapter.dynamodb.DynamoDbConfig;
import dev.parley.adapter.dynamodb.DynamoDbTables;
import dev.parley.local.dynamodb.DynamoDbLocal;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the probes talk to, started once per driver run: DynamoDB Local (the official emulator, in a
 * JVM of its own, with the single table created before any probe runs) and a JWKS endpoint on
 * loopback standing in for the Cognito user pool (the handlers only fetch it when they verify a
 * bearer token themselves), plus the environment every child JVM gets.
 */
final class LocalServices implements AutoCloseable {
  static final String TABLE = "parley-coldstart";
  static final String REGION = "us-east-1";
  static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_coldstart";

  /** The template's {@code PARLEY_WEBSOCKET_ENDPOINT}; the probes' events never post to it. */
  static final String WEBSOCKET_ENDPOINT =
      "https://wxyz5678.execute-api.us-east-1.amazonaws.com/live";

  private final DynamoDbLocal dynamoDb;
  private final HttpServer jwks;
  private final RSAKey key;

  private LocalServices(DynamoDbLocal dynamoDb, HttpServer jwks, RSAKey key) {
    this.dynamoDb = dynamoDb;
    this.jwks = jwks;
    this.key = key;
  }

  /**
   * Starts the JWKS endpoint and, when {@code dynamoDbLocal} is not null, DynamoDB Local with that
   * work directory (resolved there on first use) and the table created.
   */
  static LocalServices start(Path dynamoDbLocal, Path workDirectory) {
    RSAKey key;
    try {
      key = new RSAKeyGenerator(2048).keyID("coldstart").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("could not generate the RSA key", e);
    }
    HttpServer jwks = serveJwks(new JWKSet(key.toPublicJWK()).toString());
    if (dynamoDbLocal == null) {
      return new LocalServices(null, jwks, key);
    }
    DynamoDbLocal server;
    try {
      server = DynamoDbLocal.start(dynamoDbLocal);
    } catch (RuntimeException e) {
      jwks.stop(0);
      throw e;
    }
    try (DynamoDbClient client =
        DynamoDbClients.create(DynamoDbConfig.of(TABLE, REGION, server.endpoint()))) {
      DynamoDbTables.create(client, TABLE);
    } catch (RuntimeException e) {
      server.close();
      jwks.stop(0);
      throw e;
    }
    return new LocalServices(server, jwks, key);
  }

  private static HttpServer serveJwks(String keys) {
    byte[] body = keys.getBytes(StandardCharsets.UTF_8);
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/.well-known/jwks.json",
          exchange -> {
            try (exchange) {
              exchange.getRequestBody().readAllBytes();
              exchange.getResponseHeaders().set("Content-Type", "application/json");
              exchange.sendResponseHeaders(200, body.length);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
              }
            }
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the JWKS endpoint", e);
    }
  }

  /** An RS256 token for {@code user} as a Cognito user pool would issue it; valid for hours. */
  String token(String user) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(user)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofHours(12))))
            .claim("token_use", "access")
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("could not sign the token", e);
    }
    return jwt.serialize();
  }

  /** DynamoDB Local's endpoint, or null when it was not started. */
  URI dynamoDbEndpoint() {
    return dynamoDb == null ? null : dynamoDb.endpoint();
  }

  /**
   * The whole environment of a child JVM (nothing is inherited from the driver's): what Lambda sets
   * for a java21 function (region, credentials of the execution role, function name and memory,
   * {@code TZ}) and what template.yaml sets, with the JWKS URL and the DynamoDB endpoint pointing
   * at the local services. The DynamoDB client uses static credentials for a loopback endpoint
   * instead of the default chain it uses in AWS (see {@code DynamoDbClients}).
   */
  Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_REGION", REGION);
    env.put("AWS_DEFAULT_REGION", REGION);
    env.put("AWS_ACCESS_KEY_ID", "ASIACOLDSTARTPROBE00");
    env.put("AWS_SECRET_ACCESS_KEY", "coldstart-probe-secret-access-key-not-real");
    env.put("AWS_SESSION_TOKEN", "coldstart-probe-session-token-not-real");
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
    env.put("AWS_LAMBDA_FUNCTION_NAME", "parley-coldstart");
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1769");
    env.put("TZ", ":UTC");
    env.put("LANG", "en_US.UTF-8");
    env.put("CHAT_JWT_ISSUER", ISSUER);
    env.put(
        "CHAT_JWT_JWKS_URL",
        "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json");
    env.put("PARLEY_WEBSOCKET_ENDPOINT", WEBSOCKET_ENDPOINT);
    env.put(DynamoDbConfig.TABLE_VARIABLE, TABLE);
    if (dynamoDb != null) {
      env.put(DynamoDbConfig.ENDPOINT_VARIABLE, dynamoDb.endpoint().toString());
    }
    return env;
  }

  @Override
  public void close() {
    jwks.stop(0);
    if (dynamoDb != null) {
      dynamoDb.close();
    }
  }
}
