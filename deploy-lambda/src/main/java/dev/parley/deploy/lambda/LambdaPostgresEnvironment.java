package dev.parley.deploy.lambda;

import dev.parley.adapter.postgres.PostgresConfig;
import dev.parley.adapter.postgres.PostgresCredentialsSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.postgresql.Driver;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The PostgreSQL settings of a Lambda function, from its environment: those of {@link
 * PostgresConfig#fromEnvironment} ({@code CHAT_POSTGRES_URL}, {@code _USER}, {@code _SCHEMA},
 * {@code _POOL_SIZE}, {@code _PASSWORD}) with Lambda's defaults, and where the password comes from:
 *
 * <ul>
 *   <li>{@code CHAT_POSTGRES_SECRET_ARN}: a Secrets Manager secret in the RDS shape, read now and
 *       again when PostgreSQL refuses its password ({@link SecretsManagerCredentials});
 *   <li>{@code CHAT_POSTGRES_IAM_AUTH=true}: an RDS IAM token per connection, signed for {@code
 *       CHAT_POSTGRES_USER} in {@code AWS_REGION} ({@link RdsIamCredentials});
 *   <li>otherwise {@code CHAT_POSTGRES_PASSWORD}, for local use.
 * </ul>
 *
 * <p>One execution environment serves one request at a time, so its pool has {@value
 * #DEFAULT_POOL_SIZE} connections unless {@code CHAT_POSTGRES_POOL_SIZE} says otherwise, and keeps
 * none open while idle (see {@link #forRequests}).
 */
final class LambdaPostgresEnvironment {
  static final String SECRET_ARN = "CHAT_POSTGRES_SECRET_ARN";
  static final String IAM_AUTH = "CHAT_POSTGRES_IAM_AUTH";
  static final String PASSWORD = "CHAT_POSTGRES_PASSWORD";
  static final String USER = "CHAT_POSTGRES_USER";
  static final String POOL_SIZE = "CHAT_POSTGRES_POOL_SIZE";
  static final String REGION = "AWS_REGION";

  /** One for the request, one for the health check or a fan-out running beside it. */
  static final int DEFAULT_POOL_SIZE = 2;

  /** How long Secrets Manager may take, retries included, before the function gives up. */
  private static final Duration SECRETS_CALL_TIMEOUT = Duration.ofSeconds(5);

  private LambdaPostgresEnvironment() {}

  /** The settings of this function, reading its secret (if any) with a real client. */
  static PostgresConfig read(Map<String, String> env, AwsCredentialsProvider aws) {
    return read(env, aws, region -> secretsManager(region, aws), Clock.systemUTC());
  }

  /**
   * @param secretsManager the client for a region, asked only when there is a secret to read
   * @throws IllegalArgumentException naming the variable that is missing, wrong or contradicted
   * @throws IllegalStateException when the secret cannot be read
   */
  static PostgresConfig read(
      Map<String, String> env,
      AwsCredentialsProvider aws,
      Function<String, SecretsManagerClient> secretsManager,
      Clock clock) {
    PostgresConfig config = PostgresConfig.fromEnvironment(env);
    if (blank(env.get(POOL_SIZE))) {
      config = config.withPoolSize(DEFAULT_POOL_SIZE);
    }
    String secretArn = value(env, SECRET_ARN);
    boolean iam = iamAuth(env);
    if (secretArn != null && iam) {
      throw new IllegalArgumentException(
          SECRET_ARN + " and " + IAM_AUTH + "=true are two sources of the password: set one");
    }
    if ((secretArn != null || iam) && config.password() != null) {
      throw new IllegalArgumentException(
          PASSWORD
              + " is for local use: unset it when "
              + (iam ? IAM_AUTH + "=true" : SECRET_ARN + " is set"));
    }
    if ((secretArn != null || iam) && urlProperties(config).getProperty("user") != null) {
      // pgjdbc lets the URL's user win over the one a connection is opened with.
      throw new IllegalArgumentException(
          "CHAT_POSTGRES_URL names a user: with "
              + (iam ? IAM_AUTH : SECRET_ARN)
              + " the user comes from "
              + (iam ? USER : "the secret (or " + USER + ")")
              + ", so leave it out of the URL");
    }
    if (secretArn != null) {
      SecretsManagerClient client = secretsManager.apply(region(env, SECRET_ARN));
      return config.withCredentials(
          SecretsManagerCredentials.read(client, secretArn, config.user(), clock));
    }
    if (iam) {
      return config.withCredentials(iamCredentials(env, config, aws, clock));
    }
    return config;
  }

  /**
   * What the request-serving functions run with: no migrations (the migration function's job) and
   * no idle minimum, so that nothing refills the pool after {@link PostgresPoolEviction} emptied it
   * for a SnapStart snapshot. The pool size stays as configured.
   */
  static PostgresConfig forRequests(PostgresConfig config) {
    return config.withMigrations(PostgresConfig.Migrations.SEPARATE_STEP).withMinimumIdle(0);
  }

  /**
   * What the migration function runs with: a database that is resuming (Aurora Serverless from zero
   * capacity takes seconds) may take longer to accept a connection than a request would wait, and a
   * migration's statement (an index on a big table) longer than a request's 5 s.
   */
  static PostgresConfig forMigrations(PostgresConfig config) {
    return config.withTimeouts(
        Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(10).plusSeconds(30));
  }

  private static PostgresCredentialsSource iamCredentials(
      Map<String, String> env, PostgresConfig config, AwsCredentialsProvider aws, Clock clock) {
    if (config.user() == null) {
      throw new IllegalArgumentException(
          IAM_AUTH + "=true needs " + USER + ": the database user the token is signed for");
    }
    Properties url = urlProperties(config);
    // With several hosts in the URL the first is signed for: RDS Proxy and Aurora have one.
    String host = url.getProperty("PGHOST").split(",")[0];
    int port = Integer.parseInt(url.getProperty("PGPORT").split(",")[0]);
    return new RdsIamCredentials(host, port, config.user(), region(env, IAM_AUTH), aws, clock);
  }

  private static Properties urlProperties(PostgresConfig config) {
    Properties url = Driver.parseURL(config.url(), null);
    if (url == null) {
      throw new IllegalArgumentException("CHAT_POSTGRES_URL is not a pgjdbc URL: " + config.url());
    }
    return url;
  }

  private static boolean iamAuth(Map<String, String> env) {
    String value = value(env, IAM_AUTH);
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw new IllegalArgumentException(IAM_AUTH + " must be true or false, was: " + value);
  }

  private static String region(Map<String, String> env, String neededBy) {
    String region = value(env, REGION);
    if (region == null) {
      throw new IllegalArgumentException(neededBy + " needs " + REGION + " (Lambda sets it)");
    }
    return region;
  }

  /**
   * The client for the secret: the URL-connection HTTP client, as every other client of the
   * function, with a bounded call time.
   */
  private static SecretsManagerClient secretsManager(String region, AwsCredentialsProvider aws) {
    return SecretsManagerClient.builder()
        .region(Region.of(region))
        .credentialsProvider(aws)
        .httpClient(UrlConnectionHttpClient.builder().build())
        .overrideConfiguration(o -> o.apiCallTimeout(SECRETS_CALL_TIMEOUT))
        .build();
  }

  private static String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return blank(value) ? null : value.strip();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
