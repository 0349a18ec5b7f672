package dev.parley.deploy.lambda;

import dev.parley.adapter.postgres.PostgresConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * An empty schema of the test's own in the PostgreSQL of {@code CHAT_TEST_POSTGRES_URL} (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}), dropped on {@link #close}. Without
 * the variable the test is skipped, except under {@code CI=true}, where that is a failure: CI never
 * passes by running nothing. Shared with sample-app's tests through this module's test-jar.
 */
public final class TestSchema implements AutoCloseable {
  public static final String URL_VARIABLE = "CHAT_TEST_POSTGRES_URL";

  private final String url;
  private final String name;

  private TestSchema(String url, String name) {
    this.url = url;
    this.name = name;
  }

  /** Creates a schema named {@code prefix_} and 8 random characters. */
  public static TestSchema create(String prefix) throws SQLException {
    String url = System.getenv(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      String howTo =
          "No PostgreSQL for this test: set "
              + URL_VARIABLE
              + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres).";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(howTo + " Under CI=true this is a failure, not a skip.");
      }
      Assumptions.abort(howTo);
    }
    TestSchema schema =
        new TestSchema(url, prefix + "_" + UUID.randomUUID().toString().substring(0, 8));
    schema.execute("CREATE SCHEMA " + schema.name);
    return schema;
  }

  public String url() {
    return url;
  }

  public String name() {
    return name;
  }

  /** The variables that point a server (CHAT_POSTGRES_URL, CHAT_POSTGRES_SCHEMA) at this schema. */
  public Map<String, String> environment() {
    return Map.of("CHAT_POSTGRES_URL", url, "CHAT_POSTGRES_SCHEMA", name);
  }

  /** The store's settings for this schema, with the application name {@code application}. */
  public PostgresConfig config(String application) {
    return PostgresConfig.of(url, null, null).withSchema(name).withApplicationName(application);
  }

  /** Tables in the schema: none until something migrated it. */
  public int tables() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        var count =
            connection.prepareStatement(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = ?")) {
      count.setString(1, name);
      try (var rows = count.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  public void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public void close() throws SQLException {
    execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
  }
}
