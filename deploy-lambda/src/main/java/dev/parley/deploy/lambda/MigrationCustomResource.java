package dev.parley.deploy.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migration function ({@code PostgresLambda$Migrate}): applies the schema migrations, either as
 * an AWS CloudFormation custom resource or when invoked with any other payload.
 *
 * <p>As a custom resource (an event with {@code RequestType} and {@code ResponseURL}): {@code
 * Create} and {@code Update} migrate, {@code Delete} does nothing (the data outlives the stack's
 * resource). Whatever happens, the result is PUT to the event's pre-signed {@code ResponseURL}:
 * {@code SUCCESS} with {@code Data.Migrations}, or {@code FAILED} with the reason, because a stack
 * whose custom resource never answers waits for an hour before it fails. A migration that is still
 * running when the function is about to time out is reported as failed (it may still complete:
 * Flyway records each migration it finishes).
 *
 * <p>Any other payload migrates and answers {@code {"migrations": n}}; a failure is the
 * invocation's error.
 */
final class MigrationCustomResource {
  private static final Logger LOG = LoggerFactory.getLogger(MigrationCustomResource.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The physical id of the resource, when CloudFormation has none yet. */
  static final String PHYSICAL_RESOURCE_ID = "parley-postgres-schema";

  /** Time kept back from the function's timeout to send the response. */
  static final Duration RESPONSE_MARGIN = Duration.ofSeconds(10);

  /** CloudFormation takes responses of at most 4 KB: the reason is cut well before that. */
  private static final int MAX_REASON = 1_000;

  private static final int PUT_ATTEMPTS = 3;
  private static final Duration PUT_TIMEOUT = Duration.ofSeconds(10);

  private final Callable<Integer> migrate;

  /**
   * @param migrate applies the migrations and returns how many ran
   */
  MigrationCustomResource(Callable<Integer> migrate) {
    this.migrate = migrate;
  }

  void handle(InputStream input, OutputStream output, Context context) throws Exception {
    JsonNode event = parse(input.readAllBytes());
    if (event.hasNonNull("RequestType") && event.hasNonNull("ResponseURL")) {
      ObjectNode response = customResource(event, context);
      JSON.writeValue(output, response);
      return;
    }
    int migrations = migrate.call();
    LOG.info("{} migrations applied", migrations);
    JSON.writeValue(output, JSON.createObjectNode().put("migrations", migrations));
  }

  private ObjectNode customResource(JsonNode event, Context context) throws IOException {
    String type = event.get("RequestType").asText();
    ObjectNode response = JSON.createObjectNode();
    int migrations = 0;
    try {
      switch (type) {
        case "Create", "Update" -> migrations = migrateWithin(timeLeft(context));
        case "Delete" -> LOG.info("Delete: the schema and its data stay");
        default -> throw new IllegalArgumentException("unknown RequestType " + type);
      }
      response.put("Status", "SUCCESS");
      response.put("Reason", type + ": " + migrations + " migrations applied");
    } catch (Exception e) {
      LOG.error("{} failed", type, e);
      response.put("Status", "FAILED");
      response.put("Reason", reason(e));
    }
    response.put("PhysicalResourceId", physicalId(event));
    response.put("StackId", event.path("StackId").asText());
    response.put("RequestId", event.path("RequestId").asText());
    response.put("LogicalResourceId", event.path("LogicalResourceId").asText());
    response.putObject("Data").put("Migrations", migrations);
    put(URI.create(event.get("ResponseURL").asText()), JSON.writeValueAsBytes(response));
    return response;
  }

  /** Migrates on a thread of its own, so that the response goes out even if it takes too long. */
  private int migrateWithin(Duration limit) throws Exception {
    CompletableFuture<Integer> migration = new CompletableFuture<>();
    Thread.ofPlatform()
        .name("parley-migration")
        .daemon()
        .start(
            () -> {
              try {
                migration.complete(migrate.call());
              } catch (Throwable e) {
                migration.completeExceptionally(e);
              }
            });
    try {
      return migration.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new TimeoutException(
          "the migrations did not finish within "
              + limit.toSeconds()
              + " s of the function's time; they may still complete (see flyway_schema_history)");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /**
   * PUTs the response to the pre-signed URL. No {@code Content-Type}: the URL is signed without
   * one, and S3 refuses a request whose headers differ from the signature's. Tried a few times, as
   * a stack would otherwise wait for its timeout.
   */
  static void put(URI url, byte[] body) throws IOException {
    IOException last = null;
    for (int attempt = 1; attempt <= PUT_ATTEMPTS; attempt++) {
      try {
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        connection.setRequestMethod("PUT");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(body.length);
        connection.setConnectTimeout((int) PUT_TIMEOUT.toMillis());
        connection.setReadTimeout((int) PUT_TIMEOUT.toMillis());
        try (OutputStream out = connection.getOutputStream()) {
          out.write(body);
        }
        int status = connection.getResponseCode();
        connection.disconnect();
        if (status / 100 == 2) {
          return;
        }
        last = new IOException("the response URL answered " + status);
      } catch (IOException e) {
        last = e;
      }
      LOG.warn("sending the response failed (attempt {}): {}", attempt, last.getMessage());
      if (attempt < PUT_ATTEMPTS) {
        try {
          // A pause before the next try: S3 may answer 503 "slow down" for a moment.
          Thread.sleep(250L << attempt);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw last;
  }

  /** The function's time left, less the margin; without a context, Lambda's longest timeout. */
  private static Duration timeLeft(Context context) {
    if (context == null) {
      return Duration.ofMinutes(15).minus(RESPONSE_MARGIN);
    }
    Duration left = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(RESPONSE_MARGIN);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static String physicalId(JsonNode event) {
    String id = event.path("PhysicalResourceId").asText("");
    return id.isBlank() ? PHYSICAL_RESOURCE_ID : id;
  }

  private static String reason(Exception e) {
    String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
    return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "...";
  }

  private static JsonNode parse(byte[] payload) {
    try {
      JsonNode event = JSON.readTree(payload);
      return event == null ? JSON.createObjectNode() : event;
    } catch (IOException e) {
      return JSON.createObjectNode(); // any payload migrates, JSON or not
    }
  }
}
