package dev.parley.adapter.dynamodb;

import dev.parley.local.dynamodb.DynamoDbLocal;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * One DynamoDB Local per test JVM, started lazily by the first test class that uses this extension
 * and stopped when JUnit closes its root store at the end of the run (a shutdown hook in {@link
 * DynamoDbLocal} covers aborted runs). Every test class shares one table; the contract suites use
 * fresh random ids, so tests never see each other's data.
 */
public final class LocalDynamoDb implements BeforeAllCallback {
  static final String TABLE = "parley-test";

  private static volatile Running running;

  /** The shared store; starts DynamoDB Local on first use. */
  static DynamoDbStore store() {
    return running().store;
  }

  /** Records the consumed capacity of every call made through {@link #store()}. */
  static CapacityMeter meter() {
    return running().meter;
  }

  static URI endpoint() {
    return running().server.endpoint();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Running started = running();
    // The root store closes its resources once, after the last test of the run.
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(LocalDynamoDb.class, key -> started, Running.class);
  }

  private static Running running() {
    Running current = running;
    if (current == null) {
      synchronized (LocalDynamoDb.class) {
        current = running;
        if (current == null) {
          current = start();
          running = current;
        }
      }
    }
    return current;
  }

  private static Running start() {
    DynamoDbLocal server =
        DynamoDbLocal.start(
            Path.of(System.getProperty("parley.dynamodb-local.dir", "target/dynamodb-local")));
    CapacityMeter meter = new CapacityMeter();
    DynamoDbClient client = client(server.endpoint(), meter);
    // The table of DynamoDbTables with TTL left off. The contract suites run on a fixed clock
    // (early 2026), so every ttl they write has expired by the wall clock, and with TTL on,
    // DynamoDB Local deleted items written moments before: the 50-subscriber test lost some of its
    // connections in 3 of 950 repeated runs, and in none of 1,100 with TTL off. The adapters judge
    // expiry by the port's clock, which the suites test; DynamoDbTablesTest checks that
    // DynamoDbTables.create turns TTL on.
    createTable(client);
    client.waiter().waitUntilTableExists(b -> b.tableName(TABLE));
    return new Running(server, client, new DynamoDbStore(client, TABLE), meter);
  }

  /**
   * On a loaded machine a freshly started DynamoDB Local can take longer than the client's call
   * timeout to create the first table, and may create it although the call timed out: ask again,
   * and take an existing table as ours.
   */
  private static void createTable(DynamoDbClient client) {
    for (int attempt = 1; ; attempt++) {
      try {
        client.createTable(DynamoDbTables.definition(TABLE));
        return;
      } catch (ResourceInUseException createdByATimedOutAttempt) {
        return;
      } catch (ApiCallTimeoutException slowStart) {
        if (attempt == 5) {
          throw slowStart;
        }
      }
    }
  }

  static DynamoDbClient client(URI endpoint, ExecutionInterceptor... interceptors) {
    DynamoDbConfig config = DynamoDbConfig.of(TABLE, "us-east-1", endpoint);
    return DynamoDbClients.create(
        config, DynamoDbClients.httpClient(endpoint), List.of(interceptors));
  }

  private record Running(
      DynamoDbLocal server, DynamoDbClient client, DynamoDbStore store, CapacityMeter meter)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      synchronized (LocalDynamoDb.class) {
        client.close();
        server.close();
        running = null;
      }
    }
  }
}
