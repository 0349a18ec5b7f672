package dev.parley.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.deploy.fargate.ClusterBusChoice;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.auth.Authentication;
import dev.parley.protocol.auth.JwtIdentityResolver;
import dev.parley.protocol.auth.JwtSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line, run in-process: what it prints and the exit status, never a stack trace. */
class MainTest {
  private static final String SECRET = "a-configured-secret-of-more-than-32-bytes";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Console console =
      new Console(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void helpPrintsTheUsage() {
    assertThat(Main.run(new String[] {"--help"}, Map.of(), console)).isEqualTo(Main.OK);
    assertThat(out()).startsWith("Usage: java -jar parley-sample.jar").contains("--dev-token USER");
    assertThat(out()).contains("CHAT_PORT", "CHAT_JWT_SECRET", "CHAT_JWT_JWKS_URL");
    assertThat(err()).isEmpty();
  }

  @Test
  void devTokenPrintsOnlyATwelveHourTokenSignedWithTheDevelopmentSecret() {
    assertThat(Main.run(new String[] {"--dev-token", "alice"}, Map.of(), console))
        .isEqualTo(Main.OK);

    String token = out().strip();
    assertThat(token).doesNotContain("\n").matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    Authentication auth =
        new JwtIdentityResolver(JwtSettings.hs256(SampleConfig.DEVELOPMENT_SECRET, null, null))
            .authenticate(token);
    assertThat(auth).isInstanceOf(Authentication.Authenticated.class);
    Authentication.Authenticated ok = (Authentication.Authenticated) auth;
    assertThat(ok.userId()).isEqualTo(UserId.of("alice"));
    assertThat(ok.expiresAt())
        .isCloseTo(Instant.now().plus(12, ChronoUnit.HOURS), within(1, ChronoUnit.MINUTES));
    assertThat(err()).contains("development secret");
  }

  @Test
  void devTokenIsSignedWithTheConfiguredSecretAndClaims() {
    Map<String, String> env =
        Map.of(
            "CHAT_JWT_SECRET", SECRET,
            "CHAT_JWT_ISSUER", "https://issuer.example",
            "CHAT_JWT_AUDIENCE", "chat");
    assertThat(Main.run(new String[] {"--dev-token=bob"}, env, console)).isEqualTo(Main.OK);

    String token = out().strip();
    JwtSettings expected = JwtSettings.hs256(SECRET, "https://issuer.example", "chat");
    assertThat(new JwtIdentityResolver(expected).authenticate(token))
        .isInstanceOfSatisfying(
            Authentication.Authenticated.class,
            ok -> assertThat(ok.userId()).isEqualTo(UserId.of("bob")));
    assertThat(
            new JwtIdentityResolver(JwtSettings.hs256(SampleConfig.DEVELOPMENT_SECRET, null, null))
                .authenticate(token))
        .isInstanceOf(Authentication.Rejected.class);
    assertThat(err()).isEmpty();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "CHAT_PORT, abc, CHAT_PORT must be a whole number from 0 to 65535, was 'abc'",
    "CHAT_PORT, 70000, CHAT_PORT",
    "CHAT_JWT_SECRET, too-short, at least 32 bytes",
    "CHAT_DRAIN_SECONDS, 0, CHAT_DRAIN_SECONDS",
    "CHAT_JWT_JWKS_URL, http://keys.example/jwks.json, CHAT_JWT_JWKS_URL",
  })
  void badConfigurationEndsWithOneLineAndStatusTwo(String name, String value, String expected) {
    int status = Main.run(new String[0], Map.of(name, value), console);

    assertThat(status).isEqualTo(Main.BAD_USAGE);
    assertThat(out()).isEmpty();
    assertThat(err()).startsWith("parley-sample: ").contains(expected).endsWith("\n");
    assertThat(err().strip())
        .doesNotContain("\n")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void aSecretAndAJwksUrlTogetherAreRefused() {
    Map<String, String> env =
        Map.of("CHAT_JWT_SECRET", SECRET, "CHAT_JWT_JWKS_URL", "https://keys.example/jwks.json");
    assertThat(Main.run(new String[0], env, console)).isEqualTo(Main.BAD_USAGE);
    assertThat(err().strip()).contains("not both").doesNotContain("\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--verbose | unknown argument '--verbose'",
        "--dev-token | --dev-token needs a user id",
        "--dev-token= | --dev-token needs a user id",
        "--dev-token alice bob | unexpected argument 'bob'",
        "--dev-token a/b | user id must be",
      })
  void badArgumentsEndWithOneLineAndStatusTwo(String args, String expected) {
    assertThat(Main.run(args.split(" "), Map.of(), console)).isEqualTo(Main.BAD_USAGE);
    assertThat(out()).isEmpty();
    assertThat(err().strip()).startsWith("parley-sample: ").contains(expected).doesNotContain("\n");
  }

  @Test
  void devTokenNeedsASecretNotAJwksUrl() {
    Map<String, String> env =
        Map.of(
            "CHAT_JWT_JWKS_URL", "https://keys.example/jwks.json",
            "CHAT_JWT_ISSUER", "https://issuer.example");
    assertThat(Main.run(new String[] {"--dev-token", "alice"}, env, console))
        .isEqualTo(Main.BAD_USAGE);
    assertThat(out()).isEmpty();
    assertThat(err()).contains("identity provider");
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--store=oracle | --store must be one of memory|postgres|dynamodb|dynamodb-local",
        "--store= | --store needs a value",
        "--store=postgres | CHAT_POSTGRES_URL is not set",
        "--store=dynamodb | CHAT_DYNAMODB_TABLE is not set",
        "--store=dynamodb_local | --store must be one of",
      })
  void aBadStoreFlagIsAOneLineUsageError(String argument, String message) {
    assertThat(Main.run(new String[] {argument}, Map.of("CHAT_PORT", "0"), console))
        .isEqualTo(Main.BAD_USAGE);
    assertThat(err()).startsWith("parley-sample: ").contains(message);
    assertThat(err().strip()).doesNotContain("\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void chatStoreSelectsTheStoreAndABadValueIsAUsageError() {
    assertThat(Main.run(new String[0], Map.of("CHAT_STORE", "mongo"), console))
        .isEqualTo(Main.BAD_USAGE);
    assertThat(err()).contains("CHAT_STORE must be one of memory|postgres");
  }

  @Test
  void aPostgresUrlThatIsNotJdbcIsAUsageError() {
    Map<String, String> env =
        Map.of("CHAT_STORE", "postgres", "CHAT_POSTGRES_URL", "postgres://localhost/chat");
    assertThat(Main.run(new String[0], env, console)).isEqualTo(Main.BAD_USAGE);
    assertThat(err()).contains("CHAT_POSTGRES_URL must be a jdbc:postgresql://");
  }

  @Test
  void theFlagWinsOverTheVariableAndMemoryIsTheDefault() {
    assertThat(SampleConfig.fromEnvironment(Map.of()).store()).isEqualTo(SampleConfig.Store.MEMORY);
    assertThat(SampleConfig.fromEnvironment(Map.of("CHAT_STORE", "Postgres "), "memory").store())
        .isEqualTo(SampleConfig.Store.MEMORY);
    SampleConfig postgres =
        SampleConfig.fromEnvironment(
            Map.of(
                "CHAT_STORE", "postgres", "CHAT_POSTGRES_URL", "jdbc:postgresql://db:5432/chat"));
    assertThat(postgres.store()).isEqualTo(SampleConfig.Store.POSTGRES);
    assertThat(postgres.postgres().url()).isEqualTo("jdbc:postgresql://db:5432/chat");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CHAT_DYNAMODB_ENDPOINT | ftp://dynamo.example | CHAT_DYNAMODB_ENDPOINT must be an http(s) URL",
        "CHAT_DYNAMODB_ENDPOINT | http://bad host | CHAT_DYNAMODB_ENDPOINT is not a URL",
        "CHAT_DYNAMODB_CREATE_TABLE | yes | CHAT_DYNAMODB_CREATE_TABLE must be true or false, was 'yes'",
        "CHAT_DYNAMODB_TABLE | '   ' | CHAT_DYNAMODB_TABLE is not set",
      })
  void badDynamoDbConfigurationIsAOneLineUsageError(String name, String value, String expected) {
    Map<String, String> env = new java.util.HashMap<>(Map.of("CHAT_STORE", "dynamodb"));
    env.putIfAbsent("CHAT_DYNAMODB_TABLE", "chat");
    env.put(name, value);

    assertThat(Main.run(new String[0], env, console)).isEqualTo(Main.BAD_USAGE);

    assertThat(out()).isEmpty();
    assertThat(err()).startsWith("parley-sample: ").contains(expected);
    assertThat(err().strip()).doesNotContain("\n").doesNotContain("Exception");
  }

  @Test
  void dynamoDbLocalRefusesAnEndpointSinceItStartsItsOwnEmulator() {
    Map<String, String> env = Map.of("CHAT_DYNAMODB_ENDPOINT", "http://127.0.0.1:8000");

    assertThat(Main.run(new String[] {"--store=dynamodb-local"}, env, console))
        .isEqualTo(Main.BAD_USAGE);

    assertThat(out()).isEmpty();
    assertThat(err().strip())
        .startsWith("parley-sample: CHAT_DYNAMODB_ENDPOINT is set")
        .contains("--store=dynamodb")
        .doesNotContain("\n");
  }

  @Test
  void theDynamoDbStoresReadTheirTableRegionAndEndpoint() {
    SampleConfig dynamoDb =
        SampleConfig.fromEnvironment(
            Map.of(
                "CHAT_STORE", "DynamoDB ",
                "CHAT_DYNAMODB_TABLE", " chat ",
                "AWS_REGION", "eu-west-1",
                "CHAT_DYNAMODB_ENDPOINT", "http://127.0.0.1:8000",
                "CHAT_DYNAMODB_CREATE_TABLE", "TRUE"));
    assertThat(dynamoDb.store()).isEqualTo(SampleConfig.Store.DYNAMODB);
    assertThat(dynamoDb.dynamoDb().table()).isEqualTo("chat");
    assertThat(dynamoDb.dynamoDb().region()).isEqualTo("eu-west-1");
    assertThat(dynamoDb.dynamoDb().endpoint()).hasToString("http://127.0.0.1:8000");
    assertThat(dynamoDb.createTable()).isTrue();
    assertThat(dynamoDb.postgres()).isNull();

    SampleConfig production =
        SampleConfig.fromEnvironment(Map.of("CHAT_DYNAMODB_TABLE", "chat"), "dynamodb");
    assertThat(production.createTable()).isFalse();
    assertThat(production.dynamoDb().region()).isEqualTo("us-east-1");
    assertThat(production.dynamoDb().endpoint()).isNull();

    SampleConfig local = SampleConfig.fromEnvironment(Map.of(), "dynamodb-local");
    assertThat(local.store()).isEqualTo(SampleConfig.Store.DYNAMODB_LOCAL);
    assertThat(local.dynamoDb().table()).isEqualTo("parley");
    assertThat(local.dynamoDb().endpoint()).isNull();
    assertThat(local.createTable()).isTrue();
    assertThat(
            SampleConfig.fromEnvironment(Map.of("CHAT_DYNAMODB_TABLE", "mine"), "dynamodb-local")
                .dynamoDb()
                .table())
        .isEqualTo("mine");

    assertThat(SampleConfig.fromEnvironment(Map.of()).dynamoDb()).isNull();
  }

  @Test
  void helpSaysLambdaLocalRunsTheWholeLambdaStackOnDynamoDbLocal() {
    assertThat(Main.run(new String[] {"--help"}, Map.of(), console)).isEqualTo(Main.OK);
    assertThat(out())
        .contains("lambda-local", "every store", "dynamodb-local or postgres for the whole Lambda");
  }

  @Test
  void helpListsTheDynamoDbStoresAndTheirVariables() {
    assertThat(Main.run(new String[] {"-h"}, Map.of(), console)).isEqualTo(Main.OK);
    assertThat(out())
        .contains(
            "dynamodb-local",
            "CHAT_DYNAMODB_TABLE",
            "AWS_REGION",
            "CHAT_DYNAMODB_ENDPOINT",
            "CHAT_DYNAMODB_CREATE_TABLE");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--bus=kafka | --bus must be one of none|postgres|redis, was: 'kafka'",
        "--bus= | --bus needs a value, as in --bus=redis",
        "--bus=redis | --bus=redis needs a store that nodes share",
        "--store=dynamodb-local --bus=postgres | --bus=postgres needs the postgres store",
        "--store=dynamodb-local --bus=redis | --bus=redis needs CHAT_REDIS_URL",
        "--bus=none --bus=none | unexpected argument '--bus=none'",
        "--runtime=lambda-local --bus=redis | --bus is for the fargate runtime",
      })
  void nonsenseBusCombinationsAreOneLineUsageErrors(String args, String message) {
    assertThat(Main.run(args.split(" "), Map.of("CHAT_PORT", "0"), console))
        .isEqualTo(Main.BAD_USAGE);
    assertThat(err()).startsWith("parley-sample: ").contains(message);
    assertThat(err().strip()).doesNotContain("\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void eachStoreHasItsDefaultBusAndTheFlagWinsOverChatBus() {
    Map<String, String> postgres =
        Map.of("CHAT_POSTGRES_URL", "jdbc:postgresql://db:5432/chat", "CHAT_BUS", "none");
    assertThat(SampleConfig.fromEnvironment(Map.of()).bus()).isEqualTo(ClusterBusChoice.NONE);
    assertThat(
            SampleConfig.fromEnvironment(
                    Map.of("CHAT_POSTGRES_URL", "jdbc:postgresql://db/c"), "postgres")
                .bus())
        .isEqualTo(ClusterBusChoice.POSTGRES);
    assertThat(SampleConfig.fromEnvironment(postgres, "postgres").bus())
        .isEqualTo(ClusterBusChoice.NONE);
    assertThat(SampleConfig.fromEnvironment(postgres, "postgres", "postgres").bus())
        .isEqualTo(ClusterBusChoice.POSTGRES);

    SampleConfig redis =
        SampleConfig.fromEnvironment(
            Map.of(
                "CHAT_REDIS_URL", "redis://:secret@cache:6379", "CHAT_REDIS_CHANNEL_PREFIX", "eu"),
            "dynamodb-local",
            "redis");

    assertThat(redis.bus().kind()).isEqualTo(ClusterBusChoice.Kind.REDIS);
    assertThat(redis.bus().redis().channel()).isEqualTo("eu:cluster");
    assertThat(redis.bus().describe()).contains("redis://***@cache:6379").doesNotContain("secret");
  }

  @Test
  void helpDescribesTheBuses() {
    assertThat(Main.run(new String[] {"--help"}, Map.of(), console)).isEqualTo(Main.OK);
    assertThat(out())
        .contains("[--bus=BUS]", "redis: Redis/Valkey pub/sub", "CHAT_REDIS_URL", "CHAT_BUS");
  }
}
