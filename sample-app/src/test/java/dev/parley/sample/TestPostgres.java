package dev.parley.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A schema of its own in the PostgreSQL of {@code CHAT_TEST_POSTGRES_URL} (e.g. {@code
 * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}), for one test class: created on {@link
 * #create}, dropped on {@link #drop}. Without the variable the test is skipped, except under {@code
 * CI=true}, where that is a failure: CI never passes by running nothing.
 */
final class TestPostgres {
  static final String URL_VARIABLE = "CHAT_TEST_POSTGRES_URL";

  private final String url;
  private final String schema;

  private TestPostgres(String url, String schema) {
    this.url = url;
    this.schema = schema;
  }

  /** Creates a schema named {@code prefix_} and 8 random characters. */
  static TestPostgres create(String prefix) throws SQLException {
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
    TestPostgres database =
        new TestPostgres(url, prefix + "_" + UUID.randomUUID().toString().substring(0, 8));
    database.execute("CREATE SCHEMA " + database.schema);
    return database;
  }

  /** The variables that point the sample server at this schema. */
  Map<String, String> environment() {
    return Map.of("CHAT_POSTGRES_URL", url, "CHAT_POSTGRES_SCHEMA", schema);
  }

  String schema() {
    return schema;
  }

  void drop() throws SQLException {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
