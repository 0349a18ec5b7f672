package dev.parley.adapter.dynamodb;

import static dev.parley.testkit.fixture.MessageBuilder.aMessage;

import dev.parley.adapter.inmemory.InMemoryMessageStoreAdapter;
import dev.parley.application.port.out.MessageHistoryPort;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.domain.room.RoomId;
import dev.parley.local.dynamodb.DynamoDbLocal;
import dev.parley.testkit.fixture.Ids;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Post and list latency, DynamoDB Local next to the in-memory adapter, single-threaded; run by hand
 * after {@code mvn test-compile}, for example with {@code java -cp
 * "target/test-classes:target/classes:$(cat cp.txt)"
 * dev.parley.adapter.dynamodb.DynamoDbBenchmark}. Not a test: it asserts nothing and takes time.
 */
public final class DynamoDbBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbBenchmark.class);
  private static final int POSTS = 1_000;
  private static final int LISTS = 500;

  private DynamoDbBenchmark() {}

  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/dynamodb-local");
    InMemoryMessageStoreAdapter memory = new InMemoryMessageStoreAdapter();
    run("in-memory", memory, memory);
    try (DynamoDbLocal server = DynamoDbLocal.start(dir)) {
      DynamoDbClient client = LocalDynamoDb.client(server.endpoint());
      DynamoDbTables.create(client, LocalDynamoDb.TABLE);
      DynamoDbStore store = new DynamoDbStore(client, LocalDynamoDb.TABLE);
      run(
          "dynamodb-local",
          new DynamoDbMessageStoreAdapter(store),
          new DynamoDbMessageHistoryAdapter(store));
      client.close();
    }
  }

  private static void run(String name, MessageStorePort messages, MessageHistoryPort history) {
    RoomId room = Ids.room();
    long[] post = new long[POSTS];
    for (int i = 0; i < POSTS; i++) {
      long start = System.nanoTime();
      messages.append(aMessage().inRoom(room).withText("benchmark message " + i).buildNew());
      post[i] = System.nanoTime() - start;
    }
    long[] list = new long[LISTS];
    for (int i = 0; i < LISTS; i++) {
      long start = System.nanoTime();
      history.before(room, Long.MAX_VALUE - i, 50);
      list[i] = System.nanoTime() - start;
    }
    LOG.info("{} post: {}", name, summary(post));
    LOG.info("{} list50: {}", name, summary(list));
  }

  private static String summary(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "n=%d p50=%.3f ms p95=%.3f ms p99=%.3f ms",
        sorted.length,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) (sorted.length * 0.95)] / 1e6,
        sorted[(int) (sorted.length * 0.99)] / 1e6);
  }
}
