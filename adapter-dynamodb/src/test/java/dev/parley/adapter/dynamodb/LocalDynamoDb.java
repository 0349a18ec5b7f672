package dev.parley.adapter.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One DynamoDB Local per test JVM, started lazily by the first test class that uses this extension
 * and stopped when JUnit closes its root store at the end of the run (a shutdown hook in {@link
 * DynamoDbLocalServer} covers aborted runs). Every test class shares one table; the contract suites
 * use fresh random ids, so tests never see each other's data.
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
    Path pom =
        Path.of(System.getProperty("parley.dynamodb-local.pom", "target/dynamodb-local/pom.xml"));
    Path dir = pom.toAbsolutePath().getParent();
    Path classpathFile = dir.resolve("classpath.txt");
    if (!Files.isRegularFile(classpathFile)) {
      resolveWithMaven(pom);
    }
    DynamoDbLocalServer server =
        DynamoDbLocalServer.start(
            DynamoDbLocalServer.readClasspathFile(classpathFile),
            dir.resolve("native-libs"),
            dir.resolve("server.log"));
    CapacityMeter meter = new CapacityMeter();
    DynamoDbClient client = client(server.endpoint(), meter);
    // The table of DynamoDbTables with TTL left off. The contract suites run on a fixed clock
    // (early 2026), so every ttl they write has expired by the wall clock, and with TTL on,
    // DynamoDB Local deleted items written moments before: the 50-subscriber test lost some of its
    // connections in 3 of 950 repeated runs, and in none of 1,100 with TTL off. The adapters judge
    // expiry by the port's clock, which the suites test; DynamoDbTablesTest checks that
    // DynamoDbTables.create turns TTL on.
    client.createTable(DynamoDbTables.definition(TABLE));
    client.waiter().waitUntilTableExists(b -> b.tableName(TABLE));
    return new Running(server, client, new DynamoDbStore(client, TABLE), meter);
  }

  static DynamoDbClient client(URI endpoint, ExecutionInterceptor... interceptors) {
    DynamoDbConfig config = DynamoDbConfig.of(TABLE, "us-east-1", endpoint);
    return DynamoDbClients.create(
        config, DynamoDbClients.httpClient(endpoint), List.of(interceptors));
  }

  /** Runs the helper POM: Maven resolves DynamoDB Local's own classpath, apart from ours. */
  private static void resolveWithMaven(Path pom) {
    String wrapper = System.getProperty("parley.maven.wrapper", "../mvnw");
    try {
      Process maven =
          new ProcessBuilder(wrapper, "-q", "-B", "-f", pom.toString(), "generate-resources")
              .redirectErrorStream(true)
              .redirectOutput(pom.resolveSibling("resolve.log").toFile())
              .start();
      if (!maven.waitFor(5, TimeUnit.MINUTES) || maven.exitValue() != 0) {
        throw new IllegalStateException(
            "could not resolve DynamoDB Local; see " + pom.resolveSibling("resolve.log"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private record Running(
      DynamoDbLocalServer server, DynamoDbClient client, DynamoDbStore store, CapacityMeter meter)
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
