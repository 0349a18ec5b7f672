package dev.parley.adapter.postgres;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Where the tests find PostgreSQL: {@code CHAT_TEST_POSTGRES_URL} when set, else a Testcontainers
 * PostgreSQL when Docker is available. With neither, the tests are skipped with a message saying
 * how to enable them, except under {@code CI=true}, where a missing database fails the build: CI
 * must never pass by running nothing.
 */
final class TestDatabase {
  static final String URL_VARIABLE = "CHAT_TEST_POSTGRES_URL";

  /** How to connect. */
  record Coordinates(String url, String user, String password) {}

  private static Coordinates resolved;

  private TestDatabase() {}

  static synchronized Coordinates coordinates() {
    if (resolved == null) {
      resolved = resolve();
    }
    return resolved;
  }

  private static Coordinates resolve() {
    String url = System.getenv(URL_VARIABLE);
    if (url != null && !url.isBlank()) {
      return new Coordinates(url, null, null);
    }
    if (dockerAvailable()) {
      PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
      container.start(); // stopped by Testcontainers' reaper when the JVM ends
      return new Coordinates(
          container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
    String howTo =
        "No PostgreSQL for the adapter-postgres tests: set "
            + URL_VARIABLE
            + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) or make Docker"
            + " available for Testcontainers.";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(howTo + " Under CI=true this is a failure, not a skip.");
    }
    Assumptions.abort(howTo);
    throw new AssertionError("unreachable");
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
