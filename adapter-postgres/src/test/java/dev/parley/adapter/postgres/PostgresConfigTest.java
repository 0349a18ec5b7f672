package dev.parley.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the configuration from the environment, with errors that name the variable. */
class PostgresConfigTest {
  private static final String URL = "jdbc:postgresql://db:5432/chat";

  @Test
  public void readsUrlAndOptionalSettings() {
    PostgresConfig config =
        PostgresConfig.fromEnvironment(
            Map.of(
                "CHAT_POSTGRES_URL", URL,
                "CHAT_POSTGRES_USER", "chat",
                "CHAT_POSTGRES_PASSWORD", "secret",
                "CHAT_POSTGRES_POOL_SIZE", "25"));

    assertThat(config.url()).isEqualTo(URL);
    assertThat(config.user()).isEqualTo("chat");
    assertThat(config.password()).isEqualTo("secret");
    assertThat(config.maxPoolSize()).isEqualTo(25);
    assertThat(config.toString()).doesNotContain("secret");
  }

  @Test
  public void defaultsWhenOnlyTheUrlIsSet() {
    PostgresConfig config = PostgresConfig.fromEnvironment(Map.of("CHAT_POSTGRES_URL", URL));

    assertThat(config.user()).isNull();
    assertThat(config.maxPoolSize()).isEqualTo(PostgresConfig.DEFAULT_POOL_SIZE);
    assertThat(config.connectionTimeout().toSeconds()).isEqualTo(2);
  }

  @Test
  public void missingUrlIsAClearError() {
    assertThatThrownBy(() -> PostgresConfig.fromEnvironment(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CHAT_POSTGRES_URL is not set");
  }

  @Test
  public void wrongUrlOrPoolSizeIsAClearError() {
    assertThatThrownBy(
            () -> PostgresConfig.fromEnvironment(Map.of("CHAT_POSTGRES_URL", "postgres://db/x")))
        .hasMessageContaining("CHAT_POSTGRES_URL must be a jdbc:postgresql://");
    assertThatThrownBy(
            () ->
                PostgresConfig.fromEnvironment(
                    Map.of("CHAT_POSTGRES_URL", URL, "CHAT_POSTGRES_POOL_SIZE", "many")))
        .hasMessageContaining("CHAT_POSTGRES_POOL_SIZE must be a whole number");
    assertThatThrownBy(
            () ->
                PostgresConfig.fromEnvironment(
                    Map.of("CHAT_POSTGRES_URL", URL, "CHAT_POSTGRES_POOL_SIZE", "0")))
        .hasMessageContaining("CHAT_POSTGRES_POOL_SIZE must be 1-500");
  }

  @Test
  public void aServerPoolIsOfFixedSizeWithTheFixedPasswordAndMigratesAtStart() {
    PostgresConfig config =
        PostgresConfig.fromEnvironment(
            Map.of(
                "CHAT_POSTGRES_URL", URL,
                "CHAT_POSTGRES_USER", "chat",
                "CHAT_POSTGRES_PASSWORD", "secret",
                "CHAT_POSTGRES_POOL_SIZE", "25"));

    assertThat(config.minimumIdle()).isEqualTo(25);
    assertThat(config.migrations()).isEqualTo(PostgresConfig.Migrations.AT_START);
    assertThat(config.credentials())
        .isEqualTo(PostgresCredentialsSource.fixed("chat", "secret"))
        .hasToString("fixed PostgresCredentials[user=chat]");
    assertThat(config)
        .isEqualTo(
            PostgresConfig.fromEnvironment(
                Map.of(
                    "CHAT_POSTGRES_URL", URL,
                    "CHAT_POSTGRES_USER", "chat",
                    "CHAT_POSTGRES_PASSWORD", "secret",
                    "CHAT_POSTGRES_POOL_SIZE", "25")));
  }

  @Test
  public void anIdleMinimumBelowThePoolSizeIsKeptWhenThePoolIsResized() {
    PostgresConfig onDemand = PostgresConfig.of(URL, null, null).withMinimumIdle(0);

    assertThat(onDemand.withPoolSize(2).minimumIdle()).isZero();
    assertThat(PostgresConfig.of(URL, null, null).withMinimumIdle(4).withPoolSize(2).minimumIdle())
        .isEqualTo(2);
    assertThatThrownBy(() -> PostgresConfig.of(URL, null, null).withMinimumIdle(11))
        .hasMessageContaining("minimumIdle must be 0-10");
  }

  @Test
  public void anotherCredentialsSourceAndTheMigrationChoiceAreKeptByEveryCopy() {
    PostgresCredentialsSource rotating = () -> new PostgresCredentials("chat", "token");
    PostgresConfig config =
        PostgresConfig.of(URL, null, null)
            .withCredentials(rotating)
            .withMigrations(PostgresConfig.Migrations.SEPARATE_STEP)
            .withSchema("s")
            .withPoolSize(2)
            .withApplicationName("a");

    assertThat(config.credentials()).isSameAs(rotating);
    assertThat(config.migrations()).isEqualTo(PostgresConfig.Migrations.SEPARATE_STEP);
    assertThat(new PostgresCredentials("chat", "token").toString()).doesNotContain("token");
  }
}
