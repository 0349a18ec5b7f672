package dev.parley.benchmarks.coldstart.probe;

import com.zaxxer.hikari.HikariDataSource;
import dev.parley.adapter.dynamodb.DynamoDbClients;
import dev.parley.adapter.dynamodb.DynamoDbConfig;
import dev.parley.adapter.lambda.LambdaConfig;
import dev.parley.adapter.postgres.PostgresConfig;
import dev.parley.adapter.postgres.PostgresDataSources;
import dev.parley.adapter.postgres.PostgresMigrations;
import dev.parley.application.port.in.PostMessageCommand;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.auth.Authentication;
import dev.parley.protocol.auth.JwtIdentityResolver;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.protocol.json.Json;
import dev.parley.protocol.rest.Requests;
import dev.parley.runtime.HibernateValidation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.PredefinedScopeHibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One subsystem's first use, alone in a fresh JVM (classpath: this probe and the deployment jar),
 * timed between the stamps {@value #BEFORE} and {@value #AFTER}, with the same calls the handlers
 * make. Each one pays for the JDK classes it is the first to need (reflection, lambdas, {@code
 * java.net}), which in a real cold start only the first of them pays, so the parts add up to more
 * than the whole. The environment is the probe's (the driver sets it).
 *
 * <ul>
 *   <li>{@code jackson}: the protocol's {@link Json} mapper built, a request body read into its
 *       record and a map written and read back.
 *   <li>{@code validator}: Hibernate Validator bootstrapped as the deployments do ({@link
 *       HibernateValidation}) and a {@link PostMessageCommand} validated.
 *   <li>{@code validator-bare}: Hibernate Validator alone, bootstrapped as the deployments do
 *       ({@link HibernateValidation}), and a one-field record with a single {@code @NotNull}
 *       validated: no Parley command and no Parley constraint. The floor that the brief's choice of
 *       validator sets for any cold start that validates its first command.
 *   <li>{@code validator-bare-predefined}: the same with Hibernate Validator's predefined scope,
 *       its cheapest bootstrap (only {@code @NotNull} among the built-in constraints, the record's
 *       metadata built up front). A deployment cannot use it as it is: a class left out of the
 *       scope is not validated at all, so every command would have to be declared and built up
 *       front.
 *   <li>{@code jwt}: the JWT resolver built from the environment (nimbus-jose-jwt; no key fetched).
 *   <li>{@code jwt-verify}: that, and one bearer token ({@code --bearer}) verified: the JWKS
 *       fetched from {@code CHAT_JWT_JWKS_URL} and an RS256 signature checked.
 *   <li>{@code aws-credentials}: {@link LambdaConfig#fromEnvironment} (the default credentials
 *       chain) and the credentials resolved from the environment, as the first signed call does.
 *   <li>{@code dynamodb-client}: the DynamoDB client built as the store module builds it; no call.
 *   <li>{@code dynamodb-first-call}: that, and one GetItem (a missing key) on the table: request
 *       marshalling, signing, the first HTTP connection and the response parsing.
 *   <li>{@code postgres-first-call}: the HikariCP pool built as the PostgreSQL store builds it
 *       ({@link PostgresDataSources}, from {@code CHAT_POSTGRES_*}), and one prepared query (a room
 *       that does not exist) on a connection of it: pgjdbc's driver, the first connection with its
 *       start-up and authentication, the statement and the result. No migrations: the schema is
 *       migrated before the probes run, as a function on PostgreSQL finds its database.
 *   <li>{@code postgres-migrate-current}: the pool and Flyway on the already migrated schema
 *       ({@link PostgresMigrations#migrate}, applying nothing): what a cold start pays if its store
 *       module checks the migrations.
 * </ul>
 */
public final class SubsystemProbe {
  public static final String BEFORE = "before";
  public static final String AFTER = "after";

  /** Every subsystem this probe knows, in the order the driver reports them. */
  public static final List<String> SUBSYSTEMS =
      List.of(
          "jackson",
          "validator",
          "validator-bare",
          "validator-bare-predefined",
          "jwt",
          "jwt-verify",
          "aws-credentials",
          "dynamodb-client",
          "dynamodb-first-call",
          "postgres-first-call",
          "postgres-migrate-current");

  private SubsystemProbe() {}

  public static void main(String[] args) throws SQLException {
    Stamps stamps = new Stamps(System.nanoTime());
    if (args.length < 1 || args.length == 2 || args.length > 3) {
      throw new IllegalArgumentException("usage: SubsystemProbe SUBSYSTEM [--bearer TOKEN]");
    }
    String subsystem = args[0];
    String bearer = args.length == 3 && "--bearer".equals(args[1]) ? args[2] : null;
    Map<String, String> env = System.getenv();
    // Hibernate Validator's start-up line goes through SLF4J, as in the deployments (LambdaInit),
    // not through java.util.logging, which would cost the validator subsystems about 35 ms more.
    System.setProperty("org.jboss.logging.provider", "slf4j");
    stamps.stamp(BEFORE);
    Object result =
        switch (subsystem) {
          case "jackson" -> jackson();
          case "validator" -> validator();
          case "validator-bare" -> bare(HibernateValidation.validator());
          case "validator-bare-predefined" ->
              bare(
                  Validation.byProvider(PredefinedScopeHibernateValidator.class)
                      .configure()
                      .ignoreXmlConfiguration()
                      .messageInterpolator(new ParameterMessageInterpolator())
                      .builtinConstraints(Set.of(NotNull.class.getName()))
                      .initializeBeanMetaData(Set.of(Bare.class))
                      .buildValidatorFactory()
                      .getValidator());
          case "jwt" -> new JwtIdentityResolver(JwtSettings.fromEnvironment(env));
          case "jwt-verify" -> verify(env, bearer);
          case "aws-credentials" ->
              LambdaConfig.fromEnvironment(env).credentials().resolveCredentials();
          case "dynamodb-client" -> DynamoDbClients.create(DynamoDbConfig.fromEnvironment(env));
          case "dynamodb-first-call" -> firstCall(env);
          case "postgres-first-call" -> postgresFirstCall(env);
          case "postgres-migrate-current" -> postgresMigrateCurrent(env);
          default ->
              throw new IllegalArgumentException(
                  "unknown subsystem " + subsystem + "; one of " + SUBSYSTEMS);
        };
    stamps.stamp(AFTER);
    // Printed after the last stamp, so that a lazy toString cannot hide in the timed part.
    System.out.println("coldstart.result " + subsystem + " " + result.getClass().getName());
    stamps.print();
    System.exit(0);
  }

  private static Object jackson() {
    Requests.CreateRoom room =
        Json.read(
            ProbeEvents.CREATE_ROOM_BODY.getBytes(StandardCharsets.UTF_8),
            Requests.CreateRoom.class);
    return Json.readTree(Json.write(Map.of("room", room.name(), "values", List.of(1, 2, 3))));
  }

  private static Object validator() {
    Validator validator = HibernateValidation.validator();
    var violations =
        validator.validate(
            new PostMessageCommand(UserId.of("alice"), "room-1", ProbeEvents.TEXT, null, null));
    if (!violations.isEmpty()) {
      throw new IllegalStateException("a valid command was refused: " + violations);
    }
    return validator;
  }

  /** The whole bean of {@code validator-bare}: one field, one built-in constraint. */
  record Bare(@NotNull String value) {}

  private static Object bare(Validator validator) {
    if (!validator.validate(new Bare("x")).isEmpty()) {
      throw new IllegalStateException("a valid bean was refused");
    }
    return validator;
  }

  private static Object verify(Map<String, String> env, String bearer) {
    if (bearer == null) {
      throw new IllegalArgumentException("jwt-verify needs --bearer TOKEN");
    }
    Authentication outcome =
        new JwtIdentityResolver(JwtSettings.fromEnvironment(env)).authenticate(bearer);
    if (!(outcome instanceof Authentication.Authenticated)) {
      throw new IllegalStateException("the token was not accepted: " + outcome);
    }
    return outcome;
  }

  private static Object firstCall(Map<String, String> env) {
    DynamoDbConfig config = DynamoDbConfig.fromEnvironment(env);
    DynamoDbClient client = DynamoDbClients.create(config);
    return client.getItem(
        b ->
            b.tableName(config.table())
                .key(
                    Map.of(
                        "pk", AttributeValue.fromS("coldstart#missing"),
                        "sk", AttributeValue.fromS("coldstart#missing"))));
  }

  private static Object postgresFirstCall(Map<String, String> env) throws SQLException {
    HikariDataSource pool = PostgresDataSources.create(PostgresConfig.fromEnvironment(env));
    try (Connection connection = pool.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT name FROM rooms WHERE id = ?")) {
      statement.setString(1, "coldstart-missing");
      try (ResultSet rows = statement.executeQuery()) {
        if (rows.next()) {
          throw new IllegalStateException("a room that was never created was found");
        }
      }
    }
    return pool;
  }

  private static Object postgresMigrateCurrent(Map<String, String> env) {
    HikariDataSource pool = PostgresDataSources.create(PostgresConfig.fromEnvironment(env));
    int applied = PostgresMigrations.migrate(pool);
    if (applied != 0) {
      // The driver migrates the schema before any probe: this would time a migration instead.
      throw new IllegalStateException(applied + " migrations ran on a schema that was migrated");
    }
    return pool;
  }
}
