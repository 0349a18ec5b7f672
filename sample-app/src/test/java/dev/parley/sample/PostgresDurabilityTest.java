package dev.parley.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.deploy.fargate.FargateDeployment;
import dev.parley.deploy.fargate.FargatePostgresComponent;
import dev.parley.deploy.lambda.TestSchema;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Durability from the user's seat: the sample server on PostgreSQL (the real {@link
 * FargatePostgresComponent}, built the way {@link Main} builds it), a room and messages created
 * over HTTP, the server stopped, a new one started on the same database: everything is still there.
 * Needs {@code CHAT_TEST_POSTGRES_URL} (e.g. {@code
 * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}); skipped without it, except under {@code
 * CI=true}, where it fails. Works in a schema of its own, dropped afterwards.
 */
class PostgresDurabilityTest {
  private static final String SECRET = "postgres-durability-test-secret-0123456789";

  private static TestSchema schema;
  private final List<FargateDeployment> running = new ArrayList<>();

  @BeforeAll
  static void createSchema() throws SQLException {
    schema = TestSchema.create("t_durability");
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    if (schema != null) {
      schema.close();
    }
  }

  private FargateDeployment start() throws Exception {
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "CHAT_HOST", "127.0.0.1",
                "CHAT_PORT", "0",
                "CHAT_JWT_SECRET", SECRET,
                "CHAT_POSTGRES_POOL_SIZE", "4"));
    env.putAll(schema.environment());
    SampleConfig config = SampleConfig.fromEnvironment(env, "postgres");
    assertThat(config.store()).isEqualTo(SampleConfig.Store.POSTGRES);
    FargateDeployment deployment = SampleDeployment.of(config);
    running.add(deployment);
    deployment.server().start();
    return deployment;
  }

  @org.junit.jupiter.api.AfterEach
  void stopAll() {
    running.forEach(FargateDeployment::stop);
  }

  @Test
  void roomsAndMessagesSurviveARestartOfTheServer() throws Exception {
    String alice = TestTokens.valid(SECRET, "alice");
    FargateDeployment first = start();
    assertThat(first.storeName()).isEqualTo("PostgreSQL store");
    ChatHttpClient api = new ChatHttpClient(first.server().httpUri());
    assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
    Reply room = api.post("/rooms", alice, Map.of("name", "durable", "type", "PUBLIC"));
    assertThat(room.status()).as("%s", room).isEqualTo(201);
    String roomId = room.json().path("id").asText();
    for (String text : List.of("one", "two")) {
      Reply posted = api.post("/rooms/" + roomId + "/messages", alice, Map.of("text", text));
      assertThat(posted.status()).as("%s", posted).isEqualTo(201);
    }
    first.stop();
    running.remove(first);

    FargateDeployment second = start();
    ChatHttpClient again = new ChatHttpClient(second.server().httpUri());
    assertThat(again.uri("/")).isNotEqualTo(api.uri("/"));
    Reply found = again.get("/rooms/" + roomId, alice);
    assertThat(found.status()).as("%s", found).isEqualTo(200);
    assertThat(found.json().path("name").asText()).isEqualTo("durable");
    Reply history = again.get("/rooms/" + roomId + "/messages", alice);
    assertThat(history.status()).as("%s", history).isEqualTo(200);
    List<String> texts = new ArrayList<>();
    for (JsonNode message : history.json().path("messages")) {
      texts.add(message.path("text").asText());
    }
    assertThat(texts).containsExactlyInAnyOrder("one", "two");
  }
}
