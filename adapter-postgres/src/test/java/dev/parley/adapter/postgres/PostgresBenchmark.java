package dev.parley.adapter.postgres;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.in.CreateRoomCommand;
import dev.parley.application.port.in.PostMessageCommand;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.room.RoomType;
import dev.parley.domain.user.UserId;
import dev.parley.runtime.SystemClockAdapter;
import dev.parley.runtime.UuidV7IdGeneratorAdapter;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;

/**
 * Run by hand, not a test: post latency through the use cases, and list-latest-50 in a room of
 * 10,000 messages against one of 1,000,000 (bulk-loaded with generate_series). Prints a Markdown
 * table. Arguments: none; reads {@code CHAT_TEST_POSTGRES_URL}. Works in a schema of its own and
 * drops it at the end.
 */
public final class PostgresBenchmark {
  private static final int WARMUP = 2_000;
  private static final int POSTS = 5_000;
  private static final int LISTS = 5_000;

  private PostgresBenchmark() {}

  public static void main(String[] args) throws Exception {
    PrintStream out =
        new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, "UTF-8");
    String url = System.getenv(TestDatabase.URL_VARIABLE);
    TestDatabase.Coordinates database = new TestDatabase.Coordinates(url, null, null);
    String schema = "bench_" + UUID.randomUUID().toString().substring(0, 8);
    PostgresSchema.execute(database, "CREATE SCHEMA " + schema);
    PostgresConfig config =
        PostgresConfig.of(url, null, null).withSchema(schema).withApplicationName("parley-bench");
    PostgresChat chat =
        DaggerPostgresChat.factory()
            .create(
                ChatSettings.withoutUserLimits(),
                new SystemClockAdapter(),
                new UuidV7IdGeneratorAdapter(),
                config);
    try {
      UserId alice = UserId.of("alice");
      RoomId room =
          chat.createRoom()
              .createRoom(new CreateRoomCommand(alice, "bench", null, RoomType.PUBLIC, null, null))
              .room()
              .id();
      for (int i = 0; i < WARMUP; i++) {
        post(chat, alice, room);
      }
      long[] posts = new long[POSTS];
      for (int i = 0; i < POSTS; i++) {
        long start = System.nanoTime();
        post(chat, alice, room);
        posts[i] = System.nanoTime() - start;
      }
      RoomId small = RoomId.of("room-10k");
      RoomId large = RoomId.of("room-1m");
      // The bulk load runs outside the pool: its socket timeout is meant for chat calls.
      String bulkUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
      bulkLoad(bulkUrl, small, 10_000);
      bulkLoad(bulkUrl, large, 1_000_000);
      PostgresMessageHistoryAdapter history = new PostgresMessageHistoryAdapter(chat.dataSource());
      long[] smallLists = listLatest(history, small);
      long[] largeLists = listLatest(history, large);
      out.println("| Operation | n | p50 (ms) | p99 (ms) |");
      out.println("|---|---|---|---|");
      row(out, "post message (use case, 1 thread)", posts);
      row(out, "list latest 50, room of 10,000", smallLists);
      row(out, "list latest 50, room of 1,000,000", largeLists);
      out.printf(
          "p99 ratio 1M/10k: %.2f%n", percentile(largeLists, 0.99) / percentile(smallLists, 0.99));
    } finally {
      chat.dataSource().close();
      PostgresSchema.execute(database, "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static void post(PostgresChat chat, UserId author, RoomId room) {
    chat.postMessage()
        .postMessage(new PostMessageCommand(author, room.value(), "benchmark message", null, null));
  }

  /** One INSERT … SELECT generate_series, then the counter and fresh statistics. */
  private static void bulkLoad(String url, RoomId room, int count) throws SQLException {
    try (Connection connection = java.sql.DriverManager.getConnection(url)) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO messages (room_id, seq, id, author, body, created_at)"
                  + " SELECT ?, n, ? || '-' || n, 'user-' || (n % 100), 'message ' || n, now()"
                  + " FROM generate_series(1, ?) n")) {
        insert.setString(1, room.value());
        insert.setString(2, room.value());
        insert.setInt(3, count);
        insert.executeUpdate();
      }
      try (PreparedStatement counter =
          connection.prepareStatement(
              "INSERT INTO room_sequences (room_id, last_seq) VALUES (?, ?)")) {
        counter.setString(1, room.value());
        counter.setLong(2, count);
        counter.executeUpdate();
      }
      try (Statement analyze = connection.createStatement()) {
        analyze.execute("ANALYZE messages");
      }
    }
  }

  private static long[] listLatest(PostgresMessageHistoryAdapter history, RoomId room) {
    for (int i = 0; i < WARMUP; i++) {
      history.before(room, Long.MAX_VALUE, 50);
    }
    long[] times = new long[LISTS];
    for (int i = 0; i < LISTS; i++) {
      long start = System.nanoTime();
      if (history.before(room, Long.MAX_VALUE, 50).size() != 50) {
        throw new IllegalStateException("short page in " + room);
      }
      times[i] = System.nanoTime() - start;
    }
    return times;
  }

  private static void row(PrintStream out, String name, long[] nanos) {
    out.printf(
        "| %s | %d | %.2f | %.2f |%n",
        name, nanos.length, percentile(nanos, 0.50), percentile(nanos, 0.99));
  }

  private static double percentile(long[] nanos, double p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.ceil(p * sorted.length) - 1] / 1_000_000.0;
  }
}
