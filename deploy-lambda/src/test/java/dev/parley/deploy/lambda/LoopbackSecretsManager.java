package dev.parley.deploy.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Secrets Manager's {@code GetSecretValue} on 127.0.0.1, in its wire protocol (AWS JSON 1.1: a POST
 * with {@code X-Amz-Target: secretsmanager.GetSecretValue}), so that the real SDK client can be
 * tested: it stands in for AWS, which cannot be reached from here. Serves the secrets it is given,
 * answers {@code ResourceNotFoundException} for others, and counts the reads.
 */
public final class LoopbackSecretsManager implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TARGET = "secretsmanager.GetSecretValue";

  private final HttpServer server;
  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final AtomicInteger reads = new AtomicInteger();
  private volatile boolean failing;

  private LoopbackSecretsManager(HttpServer server) {
    this.server = server;
  }

  public static LoopbackSecretsManager start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    LoopbackSecretsManager secretsManager = new LoopbackSecretsManager(server);
    server.createContext("/", secretsManager::answer);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return secretsManager;
  }

  /** Stores (or rotates) the secret's text under its ARN. */
  public void put(String arn, String secretString) {
    secrets.put(arn, secretString);
  }

  /** The RDS shape of a database secret. */
  public static String rdsSecret(String username, String password) {
    return JSON.createObjectNode()
        .put("engine", "postgres")
        .put("host", "127.0.0.1")
        .put("username", username)
        .put("password", password)
        .toString();
  }

  /** From now on, every call is answered with a 500 (the service unreachable). */
  public void failEveryCall(boolean fail) {
    failing = fail;
  }

  /** GetSecretValue calls answered so far. */
  public int reads() {
    return reads.get();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The real SDK client, on the URL-connection HTTP client, pointed here, without retries. */
  public SecretsManagerClient client() {
    return SecretsManagerClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (failing) {
        respond(exchange, 500, error("InternalServiceError", "the test made it fail"));
        return;
      }
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      if (!"POST".equals(exchange.getRequestMethod()) || !TARGET.equals(target)) {
        respond(exchange, 400, error("InvalidRequestException", "not GetSecretValue: " + target));
        return;
      }
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      String id = request.path("SecretId").asText();
      String secret = secrets.get(id);
      if (secret == null) {
        respond(exchange, 400, error("ResourceNotFoundException", "no secret " + id));
        return;
      }
      reads.incrementAndGet();
      respond(
          exchange,
          200,
          JSON.createObjectNode()
              .put("ARN", id)
              .put("Name", id.substring(id.lastIndexOf(':') + 1))
              .put("SecretString", secret)
              .put("VersionId", "v" + reads.get())
              .toString());
    }
  }

  private static String error(String type, String message) {
    return JSON.createObjectNode().put("__type", type).put("message", message).toString();
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
