package dev.parley.deploy.lambda;

import static java.util.concurrent.TimeUnit.MINUTES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.adapter.dynamodb.DynamoDbClients;
import dev.parley.adapter.dynamodb.DynamoDbConfig;
import dev.parley.adapter.dynamodb.DynamoDbTables;
import dev.parley.local.dynamodb.DynamoDbLocal;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The template's handlers, as built into the Lambda jar, serve a session on every route of the
 * template: {@link LambdaArtifactProbe} runs them in a JVM whose class path is the jar and the
 * probe alone, in the environment the template sets, against DynamoDB Local and a loopback JWKS and
 * Management API, and the fan-out function posts a batch there. Only CHAT_DYNAMODB_ENDPOINT is the
 * test's own: it points the table at DynamoDB Local.
 */
class LambdaArtifactRequestsIT {
  private static final String ISSUER = "https://issuer.example";
  private static final String AUDIENCE = "parley-web";
  private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(3);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theTemplatesHandlersServeEveryRouteFromTheJarAlone(@TempDir Path probe) throws Exception {
    Path jar = LambdaArtifactIT.jar();
    RSAKey key =
        new RSAKeyGenerator(2048)
            .keyID("probe")
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.RS256)
            .generate();
    try (DynamoDbLocal dynamoDb =
            DynamoDbLocal.start(DynamoDbLocal.besideTheCodeOf(DynamoDbLambda.class));
        LoopbackEndpoints endpoints = LoopbackEndpoints.start(new JWKSet(key))) {
      String table = "lambda-artifact-" + UUID.randomUUID();
      try (DynamoDbClient client =
          DynamoDbClients.create(DynamoDbConfig.of(table, "us-east-1", dynamoDb.endpoint()))) {
        DynamoDbTables.create(client, table);
      }
      Map<String, String> environment =
          functionEnvironment(
              Map.of(
                  "CHAT_DYNAMODB_TABLE",
                  table,
                  "CHAT_JWT_ISSUER",
                  ISSUER,
                  "CHAT_JWT_JWKS_URL",
                  endpoints.jwksUrl().toString(),
                  "CHAT_JWT_AUDIENCE",
                  AUDIENCE,
                  "PARLEY_WEBSOCKET_ENDPOINT",
                  endpoints.connectionsEndpoint().toString(),
                  "JAVA_TOOL_OPTIONS",
                  SamTemplate.variableValue("JAVA_TOOL_OPTIONS")));
      environment.put("CHAT_DYNAMODB_ENDPOINT", dynamoDb.endpoint().toString());

      String output = runProbe(jar, copyProbe(probe), environment, token(key));

      for (String handler : SamTemplate.handlerClasses()) {
        assertThat(output).contains("probe: created " + handler);
      }
      for (String route : SamTemplate.webSocketRouteKeys()) {
        assertThat(output).contains("probe: websocket: " + route + " -> 200");
      }
      assertThat(output).contains("probe: fan-out: 1 connection -> posted");
      assertThat(output)
          .doesNotContain("NoClassDefFoundError", "ClassNotFoundException", "SLF4J(W)")
          .doesNotContainPattern("(?m)^(ERROR|WARN) ");
      assertRepliesOnEveryMessageRoute(endpoints.posted());
    }
  }

  /**
   * Each frame sent on a message route got its reply through the Management API, the message posted
   * over the socket came back to the subscribed connection as an event, and the fan-out function's
   * batch reached it.
   */
  private static void assertRepliesOnEveryMessageRoute(List<LoopbackEndpoints.Posted> posted) {
    assertThat(posted).allMatch(p -> p.connectionId().equals(LambdaArtifactProbe.CONNECTION));
    List<JsonNode> frames = posted.stream().map(p -> parse(p.frame())).toList();
    for (String route : SamTemplate.webSocketRouteKeys()) {
      if (route.equals("$connect") || route.equals("$disconnect")) {
        continue; // Answered by status alone: API Gateway takes no frame from these.
      }
      String expected =
          switch (route) {
            case "$default" -> "error";
            case "ping" -> "pong";
            case "sayHello" -> "hello";
            default -> "ack";
          };
      assertThat(frames)
          .as("the reply to %s", route)
          .anyMatch(
              f ->
                  f.path("requestId").asText().equals(LambdaArtifactProbe.requestId(route))
                      && f.path("type").asText().equals(expected));
    }
    assertThat(frames)
        .anyMatch(
            f ->
                f.path("type").asText().equals("event")
                    && f.path("event").asText().equals("message.posted"));
    assertThat(posted).anyMatch(p -> p.frame().equals(LambdaArtifactProbe.FANOUT_FRAME));
  }

  /**
   * The variables template.yaml gives every function, each with a value for this test, and those
   * Lambda itself sets. A variable the template gains fails here until the test gives it a value.
   */
  private static Map<String, String> functionEnvironment(Map<String, String> values) {
    List<String> names = SamTemplate.environmentVariables();
    assertThat(names).isNotEmpty();
    Map<String, String> environment = new HashMap<>();
    for (String name : names) {
      assertThat(values).as("a value for %s, set by template.yaml", name).containsKey(name);
      environment.put(name, values.get(name));
    }
    environment.put("AWS_REGION", "us-east-1");
    environment.put("AWS_DEFAULT_REGION", "us-east-1");
    environment.put("AWS_ACCESS_KEY_ID", "AKIAPROBEPROBEPROBE00");
    environment.put("AWS_SECRET_ACCESS_KEY", "probe-secret-access-key");
    environment.put("AWS_SESSION_TOKEN", "probe-session-token");
    environment.put("AWS_LAMBDA_FUNCTION_NAME", "parley-probe");
    return environment;
  }

  /** Copies the probe's classes, and nothing else of the test class path, to {@code directory}. */
  private static Path copyProbe(Path directory) throws IOException, URISyntaxException {
    Path classes =
        Path.of(
            LambdaArtifactProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path from = classes.resolve("dev/parley/deploy/lambda");
    Path to = Files.createDirectories(directory.resolve("dev/parley/deploy/lambda"));
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.equals("LambdaArtifactProbe.class") || name.startsWith("LambdaArtifactProbe$")) {
          Files.copy(file, to.resolve(name));
        }
      }
    }
    return directory;
  }

  /** Runs the probe in a JVM of its own with only {@code environment}; returns its output. */
  private static String runProbe(
      Path jar, Path probeClasses, Map<String, String> environment, String token) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            jar.toAbsolutePath() + File.pathSeparator + probeClasses.toAbsolutePath(),
            LambdaArtifactProbe.class.getName(),
            token,
            String.join(",", SamTemplate.handlerClasses()),
            String.join(",", SamTemplate.webSocketRouteKeys()));
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    CompletableFuture<String> output =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                return "(output unreadable: " + e + ")";
              }
            });
    if (!process.waitFor(PROBE_TIMEOUT.toMinutes(), MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the probe did not finish in " + PROBE_TIMEOUT);
    }
    String text = output.get();
    assertThat(process.exitValue()).as("the probe's exit status; its output:%n%s", text).isZero();
    return text;
  }

  /** An RS256 token for the probe's user, as the issuer of the template's JWKS would sign it. */
  private static String token(RSAKey key) throws JOSEException {
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
            new JWTClaimsSet.Builder()
                .subject(LambdaArtifactProbe.USER)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static JsonNode parse(String frame) {
    try {
      return JSON.readTree(frame);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + frame, e);
    }
  }
}
