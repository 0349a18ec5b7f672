package dev.parley.deploy.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.parley.adapter.postgres.PostgresConfig;
import dev.parley.adapter.postgres.PostgresMigrations;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The migration function as a CloudFormation custom resource and as a plain invocation, on the test
 * PostgreSQL, answering to a pre-signed response URL played by a loopback HTTP server.
 */
class MigrationCustomResourceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STACK =
      "arn:aws:cloudformation:us-east-1:123456789012:stack/parley/0a1b2c3d";

  /** A PUT the response URL received. */
  record Received(String method, String path, String contentType, JsonNode body) {}

  private HttpServer responseUrl;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresToServe = new AtomicInteger();

  @BeforeEach
  void startTheResponseUrl() throws IOException {
    responseUrl = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    responseUrl.createContext(
        "/",
        exchange -> {
          try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (failuresToServe.getAndDecrement() > 0) {
              exchange.sendResponseHeaders(503, -1);
              return;
            }
            received.add(
                new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    JSON.readTree(body)));
            exchange.sendResponseHeaders(200, -1);
          }
        });
    responseUrl.start();
  }

  @AfterEach
  void stopTheResponseUrl() {
    responseUrl.stop(0);
  }

  @Test
  void createMigratesTheSchemaAndReportsSuccessToTheResponseUrl() throws Exception {
    try (TestSchema schema = TestSchema.create("t_migrate_create")) {
      MigrationCustomResource function = function(schema.config("parley-migrate-test"));

      JsonNode answer = invoke(function, event("Create", null));

      assertThat(received).hasSize(1);
      Received put = received.getFirst();
      assertThat(put.method()).isEqualTo("PUT");
      assertThat(put.path()).startsWith("/cfn-response?X-Amz-Signature=");
      // The pre-signed URL is signed without a content type: sending one would be refused.
      assertThat(put.contentType()).isNull();
      JsonNode body = put.body();
      assertThat(body.path("Status").asText()).isEqualTo("SUCCESS");
      assertThat(body.path("PhysicalResourceId").asText())
          .isEqualTo(MigrationCustomResource.PHYSICAL_RESOURCE_ID);
      assertThat(body.path("StackId").asText()).isEqualTo(STACK);
      assertThat(body.path("RequestId").asText()).isEqualTo("request-Create");
      assertThat(body.path("LogicalResourceId").asText()).isEqualTo("SchemaMigrations");
      int migrations = body.path("Data").path("Migrations").asInt();
      assertThat(migrations).isPositive();
      assertThat(body.path("Reason").asText()).contains(migrations + " migrations applied");
      assertThat(answer).isEqualTo(body);
      assertThat(schema.tables()).isPositive();
    }
  }

  @Test
  void updateOfAMigratedSchemaSucceedsWithNothingToApplyAndKeepsThePhysicalId() throws Exception {
    try (TestSchema schema = TestSchema.create("t_migrate_update")) {
      MigrationCustomResource function = function(schema.config("parley-migrate-test"));
      invoke(function, event("Create", null));

      invoke(function, event("Update", "parley-postgres-schema-from-create"));

      JsonNode body = received.getLast().body();
      assertThat(body.path("Status").asText()).isEqualTo("SUCCESS");
      assertThat(body.path("Data").path("Migrations").asInt()).isZero();
      assertThat(body.path("PhysicalResourceId").asText())
          .isEqualTo("parley-postgres-schema-from-create");
    }
  }

  @Test
  void deleteLeavesTheSchemaAloneAndSucceeds() throws Exception {
    try (TestSchema schema = TestSchema.create("t_migrate_delete")) {
      MigrationCustomResource function = function(schema.config("parley-migrate-test"));

      invoke(function, event("Delete", "parley-postgres-schema"));

      JsonNode body = received.getFirst().body();
      assertThat(body.path("Status").asText()).isEqualTo("SUCCESS");
      assertThat(body.path("Data").path("Migrations").asInt()).isZero();
      assertThat(schema.tables()).isZero();
    }
  }

  @Test
  void theHandlerClassLambdaConstructsAnswersADeleteWithoutTheDatabase() throws Exception {
    // As the runtime calls it: no-argument constructor, the payload as a stream. A Delete needs no
    // database, so the settings this test process lacks are never read.
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    new PostgresLambda.Migrate()
        .handleRequest(
            new ByteArrayInputStream(
                JSON.writeValueAsBytes(event("Delete", "parley-postgres-schema"))),
            output,
            FunctionContext.withTimeLeft(Duration.ofMinutes(1)));

    assertThat(JSON.readTree(output.toByteArray()).path("Status").asText()).isEqualTo("SUCCESS");
    assertThat(received.getFirst().body().path("Status").asText()).isEqualTo("SUCCESS");
  }

  @Test
  void aDatabaseThatCannotBeReachedIsReportedAsFailedWithTheReason() throws Exception {
    // Nothing listens on port 1. The store's 2 s connection timeout, not the migration
    // function's 30 s, to keep the test short.
    PostgresConfig nowhere = PostgresConfig.of("jdbc:postgresql://127.0.0.1:1/parley", "p", null);
    MigrationCustomResource function =
        new MigrationCustomResource(() -> PostgresMigrations.migrate(nowhere));

    invoke(function, event("Create", null));

    JsonNode body = received.getFirst().body();
    assertThat(body.path("Status").asText()).isEqualTo("FAILED");
    assertThat(body.path("Reason").asText()).isNotBlank().hasSizeLessThan(1_100);
    assertThat(body.path("PhysicalResourceId").asText())
        .isEqualTo(MigrationCustomResource.PHYSICAL_RESOURCE_ID);
    assertThat(body.path("Data").path("Migrations").asInt()).isZero();
  }

  @Test
  void aMigrationStillRunningWhenTheFunctionIsAboutToTimeOutIsReportedAsFailedInTime()
      throws Exception {
    // A migration that waits: the stand-in for one stuck behind a lock, which the test cannot
    // make PostgreSQL hold for a bounded time without racing Flyway.
    CountDownLatch never = new CountDownLatch(1);
    MigrationCustomResource function =
        new MigrationCustomResource(
            () -> {
              never.await();
              return 0;
            });
    Duration timeout = MigrationCustomResource.RESPONSE_MARGIN.plusSeconds(1);
    Instant start = Instant.now();

    invoke(function, event("Create", null), FunctionContext.withTimeLeft(timeout));

    assertThat(Duration.between(start, Instant.now())).isLessThan(timeout);
    JsonNode body = received.getFirst().body();
    assertThat(body.path("Status").asText()).isEqualTo("FAILED");
    assertThat(body.path("Reason").asText()).contains("did not finish within");
    never.countDown();
  }

  @Test
  void anUnknownRequestTypeIsFailedNotLeftUnanswered() throws Exception {
    invoke(new MigrationCustomResource(() -> 0), event("Replace", null));

    assertThat(received.getFirst().body().path("Status").asText()).isEqualTo("FAILED");
    assertThat(received.getFirst().body().path("Reason").asText()).contains("Replace");
  }

  @Test
  void aResponseUrlThatFailsAtFirstIsTriedAgain() throws Exception {
    failuresToServe.set(2);

    invoke(new MigrationCustomResource(() -> 3), event("Create", null));

    assertThat(received).hasSize(1);
    assertThat(received.getFirst().body().path("Data").path("Migrations").asInt()).isEqualTo(3);
  }

  @Test
  void aResponseUrlThatNeverAcceptsFailsTheInvocation() {
    failuresToServe.set(Integer.MAX_VALUE);

    assertThatThrownBy(() -> invoke(new MigrationCustomResource(() -> 0), event("Create", null)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("503");
  }

  @Test
  void anyOtherPayloadMigratesAndAnswersTheCount() throws Exception {
    try (TestSchema schema = TestSchema.create("t_migrate_plain")) {
      MigrationCustomResource function = function(schema.config("parley-migrate-test"));

      JsonNode first = invoke(function, JSON.readTree("{\"reason\":\"by hand\"}"));
      JsonNode again = invoke(function, JSON.readTree("\"not even an object\""));

      assertThat(first.path("migrations").asInt()).isPositive();
      assertThat(again.path("migrations").asInt()).isZero();
      assertThat(received).isEmpty();
      assertThat(schema.tables()).isPositive();
    }
  }

  @Test
  void theHandlersMigrationReadsTheFunctionsEnvironment() throws Exception {
    try (TestSchema schema = TestSchema.create("t_migrate_env")) {
      Map<String, String> env =
          Map.of("CHAT_POSTGRES_URL", schema.url(), "CHAT_POSTGRES_SCHEMA", schema.name());

      assertThat(PostgresLambda.Migrate.migrate(env)).isPositive();
      assertThat(PostgresLambda.Migrate.migrate(env)).isZero();
    }
  }

  private static MigrationCustomResource function(PostgresConfig config) {
    return new MigrationCustomResource(() -> PostgresLambda.Migrate.migrate(config));
  }

  private JsonNode event(String type, String physicalId) {
    var event =
        JSON.createObjectNode()
            .put("RequestType", type)
            .put("ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:parley-migrate")
            .put(
                "ResponseURL",
                "http://127.0.0.1:"
                    + responseUrl.getAddress().getPort()
                    + "/cfn-response?X-Amz-Signature=abc")
            .put("StackId", STACK)
            .put("RequestId", "request-" + type)
            .put("LogicalResourceId", "SchemaMigrations")
            .put("ResourceType", "Custom::SchemaMigrations");
    if (physicalId != null) {
      event.put("PhysicalResourceId", physicalId);
    }
    event.putObject("ResourceProperties").put("Version", "1");
    return event;
  }

  private static JsonNode invoke(MigrationCustomResource function, JsonNode event)
      throws Exception {
    return invoke(function, event, FunctionContext.withTimeLeft(Duration.ofMinutes(1)));
  }

  private static JsonNode invoke(
      MigrationCustomResource function, JsonNode event, FunctionContext context) throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    function.handle(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), output, context);
    return JSON.readTree(output.toString(StandardCharsets.UTF_8));
  }
}
