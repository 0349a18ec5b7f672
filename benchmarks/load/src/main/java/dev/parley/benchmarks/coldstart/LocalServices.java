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
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.adapter.dynamodb.DynamoDbClients;
import dev.parley.adapter.dynamodb.DynamoDbConfig;
import dev.parley.adapter.dynamodb.DynamoDbTables;
import dev.parley.adapter.postgres.PostgresConfig;
import dev.parley.adapter.postgres.PostgresDataSources;
import dev.parley.adapter.postgres.PostgresMigrations;
import dev.parley.local.dynamodb.DynamoDbLocal;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the probes talk to, started once per driver run: DynamoDB Local (the official emulator, in a
 * JVM of its own, with the single table created before any probe runs), a schema of its own in a
 * PostgreSQL server (created and migrated before any probe runs, dropped at the end) and a JWKS
 * endpoint on loopback standing in for the Cognito user pool (the handlers only fetch it when they
 * verify a bearer token themselves), plus the environment every child JVM gets.
 */
final class LocalServices implements AutoCloseable {
  static final String TABLE = "parley-coldstart";
  static final String REGION = "us-east-1";
  static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_coldstart";

  /** The template's {@code PARLEY_WEBSOCKET_ENDPOINT}; the probes' events never post to it. */
  static final String WEBSOCKET_ENDPOINT =
      "https://wxyz5678.execute-api.us-east-1.amazonaws.com/live";

  /**
   * The template's pool size for a function on PostgreSQL: one environment serves one request at a
   * time, and RDS Proxy multiplexes the environments' connections.
   */
  static final String POSTGRES_POOL_SIZE = "2";

  private final HttpServer jwks;
  private final RSAKey key;
  private DynamoDbLocal dynamoDb;

  /** The URL the driver was given; null when PostgreSQL is not used. */
  private String postgresUrl;

  /** The schema of this run, created in {@link #postgresUrl}'s database; null before that. */
  private String postgresSchema;

  /** The server's {@code server_version}; null when PostgreSQL is not used. */
  private String postgresVersion;

  private LocalServices(HttpServer jwks, RSAKey key) {
    this.jwks = jwks;
    this.key = key;
  }

  /**
   * Starts the JWKS endpoint; when {@code dynamoDbLocal} is not null, DynamoDB Local with that work
   * directory (resolved there on first use) and the table created; when {@code postgresUrl} (a
   * {@code jdbc:postgresql:} URL with the credentials of a role that may create a schema) is not
   * null, a schema of this run in its database, migrated.
   */
  static LocalServices start(Path dynamoDbLocal, String postgresUrl, Path workDirectory) {
    RSAKey key;
    try {
      key = new RSAKeyGenerator(2048).keyID("coldstart").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("could not generate the RSA key", e);
    }
    LocalServices services =
        new LocalServices(serveJwks(new JWKSet(key.toPublicJWK()).toString()), key);
    try {
      if (dynamoDbLocal != null) {
        services.startDynamoDb(dynamoDbLocal);
      }
      if (postgresUrl != null) {
        services.createSchema(postgresUrl);
      }
      return services;
    } catch (RuntimeException e) {
      services.close();
      throw e;
    }
  }

  private void startDynamoDb(Path dynamoDbLocal) {
    dynamoDb = DynamoDbLocal.start(dynamoDbLocal);
    try (DynamoDbClient client =
        DynamoDbClients.create(DynamoDbConfig.of(TABLE, REGION, dynamoDb.endpoint()))) {
      DynamoDbTables.create(client, TABLE);
    }
  }

  /**
   * Creates the schema of this run and migrates it, once: a function on PostgreSQL does not migrate
   * in its requests (the migrations are a deployment step of their own), so every probe finds the
   * schema ready, as a function in AWS finds its database.
   */
  private void createSchema(String url) {
    if (url.contains("currentSchema=")) {
      throw new IllegalArgumentException(
          "--postgres-url must not name a schema: the driver creates one of its own, was " + url);
    }
    String schema = "coldstart_" + UUID.randomUUID().toString().substring(0, 8);
    execute(url, "CREATE SCHEMA " + schema);
    postgresUrl = url;
    postgresSchema = schema;
    postgresVersion = query(url, "SHOW server_version");
    // The default pool size: Flyway holds a connection for its lock beside the migrating one.
    try (HikariDataSource pool =
        PostgresDataSources.create(PostgresConfig.of(schemaUrl(), null, null))) {
      PostgresMigrations.migrate(pool);
    }
  }

  /**
   * The driver's URL with the run's schema as pgjdbc's {@code currentSchema} parameter: the
   * function's {@code CHAT_POSTGRES_URL} carries it, so the child gets no variable the template
   * does not set.
   */
  private String schemaUrl() {
    return postgresUrl
        + (postgresUrl.indexOf('?') >= 0 ? "&" : "?")
        + "currentSchema="
        + postgresSchema;
  }

  private static String query(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + url + " refused: " + sql, e);
    }
  }

  private static void execute(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + url + " refused: " + sql, e);
    }
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

  /** The schema of this run, or null when PostgreSQL is not used. */
  String postgresSchema() {
    return postgresSchema;
  }

  /** The PostgreSQL the probes use, for the report; null when none is used. */
  String postgresDescription() {
    return postgresSchema == null
        ? null
        : "PostgreSQL "
            + postgresVersion
            + ", schema `"
            + postgresSchema
            + "` (migrated before the first probe, dropped after the last), no TLS, pool size "
            + POSTGRES_POOL_SIZE;
  }

  /**
   * The whole environment of a child JVM (nothing is inherited from the driver's): what Lambda sets
   * for a java21 function (region, credentials of the execution role, function name and memory,
   * {@code TZ}) and what template.yaml sets, with the JWKS URL and the DynamoDB endpoint pointing
   * at the local services. The DynamoDB client uses static credentials for a loopback endpoint
   * instead of the default chain it uses in AWS (see {@code DynamoDbClients}). For PostgreSQL, what
   * the functions on PostgreSQL get: {@code CHAT_POSTGRES_URL}, here the driver's URL with this
   * run's schema and without TLS (RDS Proxy's {@code sslmode=verify-full} cannot be reproduced on
   * loopback), and the pool size.
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
    if (postgresSchema != null) {
      env.put("CHAT_POSTGRES_URL", schemaUrl());
      env.put("CHAT_POSTGRES_POOL_SIZE", POSTGRES_POOL_SIZE);
    }
    return env;
  }

  /** Stops what it started and drops the run's schema, with every row the probes wrote. */
  @Override
  public void close() {
    jwks.stop(0);
    try {
      if (postgresSchema != null) {
        execute(postgresUrl, "DROP SCHEMA IF EXISTS " + postgresSchema + " CASCADE");
      }
    } finally {
      if (dynamoDb != null) {
        dynamoDb.close();
      }
    }
  }
}
