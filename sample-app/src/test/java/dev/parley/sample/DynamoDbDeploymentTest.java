package dev.parley.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.deploy.fargate.FargateDeployment;
import dev.parley.local.dynamodb.DynamoDbLocal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample server on DynamoDB from the user's seat, built the way {@link Main} builds it ({@link
 * SampleConfig#fromEnvironment}, then {@link SampleDeployment#of}): on {@code dynamodb-local},
 * which starts and stops DynamoDB Local itself; and on {@code dynamodb} against an emulator this
 * test starts, where the table is created on request and the data outlives the server, whichever
 * runtime wrote it (Fargate or the Lambda handlers of {@code --runtime=lambda-local}). DynamoDB
 * Local is resolved from Maven Central on first use, as the server does it ({@link DynamoDbLocal}).
 */
class DynamoDbDeploymentTest {
  private static final String SECRET = "dynamodb-deployment-test-secret-0123456789";

  /** The emulator the {@code --store=dynamodb} tests point CHAT_DYNAMODB_ENDPOINT at. */
  private static DynamoDbLocal emulator;

  private final List<FargateDeployment> running = new ArrayList<>();

  @BeforeAll
  static void startEmulator() {
    emulator = DynamoDbLocal.start(DynamoDbLocal.besideTheCodeOf(Main.class));
  }

  @AfterAll
  static void stopEmulator() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @AfterEach
  void stopAll() {
    running.forEach(FargateDeployment::stop);
  }

  @Test
  void onDynamoDbLocalTheServerRunsOnItsOwnEmulatorAndStopsIt() throws Exception {
    Set<Long> before = emulatorPids();
    SampleConfig config = SampleConfig.fromEnvironment(env(Map.of()), "dynamodb-local");
    assertThat(config.store()).isEqualTo(SampleConfig.Store.DYNAMODB_LOCAL);
    assertThat(config.dynamoDb().table()).isEqualTo(SampleConfig.DYNAMODB_LOCAL_TABLE);
    FargateDeployment deployment = start(config);
    Set<Long> started = emulatorPids();
    started.removeAll(before);
    assertThat(started).as("emulators this deployment started").hasSize(1);
    long pid = started.iterator().next();
    assertThat(deployment.storeName()).endsWith("emulator pid " + pid);
    assertThat(deployment.storeName()).startsWith("DynamoDB Local at http://127.0.0.1:");

    String alice = TestTokens.valid(SECRET, "alice");
    ChatHttpClient api = new ChatHttpClient(deployment.server().httpUri());
    assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
    String roomId = createRoomAndPost(api, alice, "local", List.of("hello", "world"));
    assertThat(texts(api.get("/rooms/" + roomId + "/messages", alice)))
        .containsExactlyInAnyOrder("hello", "world");

    deployment.stop();
    running.remove(deployment);
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
        .as("DynamoDB Local (pid %d) is stopped with the server", pid)
        .isFalse();
    assertThat(emulatorPids()).isEqualTo(before);
  }

  @Test
  void onDynamoDbTheTableIsCreatedOnRequestAndTheDataOutlivesTheServer() throws Exception {
    String table = "sample-" + UUID.randomUUID();
    String alice = TestTokens.valid(SECRET, "alice");
    SampleConfig creating =
        SampleConfig.fromEnvironment(
            env(
                Map.of(
                    "CHAT_DYNAMODB_TABLE",
                    table,
                    "CHAT_DYNAMODB_ENDPOINT",
                    emulator.endpoint().toString(),
                    "CHAT_DYNAMODB_CREATE_TABLE",
                    "true")),
            "dynamodb");
    assertThat(creating.createTable()).isTrue();
    FargateDeployment first = start(creating);
    assertThat(first.storeName()).isEqualTo("DynamoDB store, table " + table);
    ChatHttpClient api = new ChatHttpClient(first.server().httpUri());
    String roomId = createRoomAndPost(api, alice, "durable", List.of("one", "two"));
    first.stop();
    running.remove(first);

    // CHAT_STORE instead of the flag, and no table creation: the table is there already.
    SampleConfig existing =
        SampleConfig.fromEnvironment(
            env(
                Map.of(
                    "CHAT_STORE",
                    "dynamodb",
                    "CHAT_DYNAMODB_TABLE",
                    table,
                    "CHAT_DYNAMODB_ENDPOINT",
                    emulator.endpoint().toString())));
    assertThat(existing.createTable()).isFalse();
    FargateDeployment second = start(existing);
    ChatHttpClient again = new ChatHttpClient(second.server().httpUri());
    assertThat(again.uri("/")).isNotEqualTo(api.uri("/"));
    Reply room = again.get("/rooms/" + roomId, alice);
    assertThat(room.status()).as("%s", room).isEqualTo(200);
    assertThat(room.json().path("name").asText()).isEqualTo("durable");
    assertThat(texts(again.get("/rooms/" + roomId + "/messages", alice)))
        .containsExactlyInAnyOrder("one", "two");
  }

  @Test
  void theLambdaHandlersAndTheFargateServerShareOneTable() throws Exception {
    String table = "lambda-" + UUID.randomUUID();
    String alice = TestTokens.valid(SECRET, "alice");
    Map<String, String> onTheEmulator =
        Map.of(
            "CHAT_DYNAMODB_TABLE", table, "CHAT_DYNAMODB_ENDPOINT", emulator.endpoint().toString());
    Map<String, String> creating = new HashMap<>(onTheEmulator);
    creating.put("CHAT_DYNAMODB_CREATE_TABLE", "true");
    String roomId;
    try (LambdaLocalDeployment lambda =
        LambdaLocalDeployment.start(SampleConfig.fromEnvironment(env(creating), "dynamodb"))) {
      assertThat(lambda.storeName()).isEqualTo("DynamoDB store, table " + table);
      ChatHttpClient api = new ChatHttpClient(lambda.local().emulator().httpUri());
      roomId = createRoomAndPost(api, alice, "from lambda", List.of("one", "two"));
    }
    assertThat(emulator.isRunning())
        .as("a table of its own is not the deployment's to stop")
        .isTrue();

    FargateDeployment fargate = start(SampleConfig.fromEnvironment(env(onTheEmulator), "dynamodb"));
    ChatHttpClient api = new ChatHttpClient(fargate.server().httpUri());
    assertThat(texts(api.get("/rooms/" + roomId + "/messages", alice)))
        .containsExactlyInAnyOrder("one", "two");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--runtime=fargate", "--runtime=lambda-local"})
  void aMissingTableEndsTheServerWithOneLineSayingHowToCreateIt(String runtime) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console console =
        new Console(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    Map<String, String> env =
        env(
            Map.of(
                "CHAT_DYNAMODB_TABLE",
                "missing-" + UUID.randomUUID(),
                "CHAT_DYNAMODB_ENDPOINT",
                emulator.endpoint().toString()));

    int status = Main.run(new String[] {runtime, "--store=dynamodb"}, env, console);

    assertThat(status).isEqualTo(Main.FAILED);
    String message = err.toString(StandardCharsets.UTF_8).strip();
    assertThat(message)
        .startsWith("parley-sample: cannot open the dynamodb store: table 'missing-")
        .contains("does not exist", "CHAT_DYNAMODB_CREATE_TABLE=true")
        .doesNotContain("\n");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  private FargateDeployment start(SampleConfig config) throws Exception {
    FargateDeployment deployment = SampleDeployment.of(config);
    running.add(deployment);
    deployment.server().start();
    return deployment;
  }

  private static Map<String, String> env(Map<String, String> store) {
    Map<String, String> env = new HashMap<>(store);
    env.put("CHAT_HOST", "127.0.0.1");
    env.put("CHAT_PORT", "0");
    env.put("CHAT_JWT_SECRET", SECRET);
    return env;
  }

  private static String createRoomAndPost(
      ChatHttpClient api, String token, String name, List<String> texts) throws Exception {
    Reply room = api.post("/rooms", token, Map.of("name", name, "type", "PUBLIC"));
    assertThat(room.status()).as("%s", room).isEqualTo(201);
    String roomId = room.json().path("id").asText();
    for (String text : texts) {
      Reply posted = api.post("/rooms/" + roomId + "/messages", token, Map.of("text", text));
      assertThat(posted.status()).as("%s", posted).isEqualTo(201);
    }
    return roomId;
  }

  private static List<String> texts(Reply history) {
    assertThat(history.status()).as("%s", history).isEqualTo(200);
    List<String> texts = new ArrayList<>();
    for (JsonNode message : history.json().path("messages")) {
      texts.add(message.path("text").asText());
    }
    return texts;
  }

  /**
   * The JVMs this test JVM has started and that are still alive: DynamoDB Local is the only kind
   * (the class's emulator and the one a dynamodb-local deployment starts).
   */
  private static Set<Long> emulatorPids() {
    return ProcessHandle.current()
        .children()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().orElse("").endsWith("java"))
        .map(ProcessHandle::pid)
        .collect(Collectors.toSet());
  }
}
