package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.key;

import dev.parley.application.port.out.StoreHealthPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes the table with a GetItem of a key that never exists: a data-plane round trip (half a read
 * unit) rather than DescribeTable, whose control-plane quota is small. One attempt, bounded by a
 * short timeout, so the probe never hangs.
 */
@Singleton
public final class DynamoDbStoreHealthAdapter implements StoreHealthPort {
  /** A probe that takes longer than this counts as a failure. */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbStoreHealthAdapter.class);

  private final DynamoDbStore store;

  @Inject
  public DynamoDbStoreHealthAdapter(DynamoDbStore store) {
    this.store = store;
  }

  @Override
  public boolean isAvailable() {
    try {
      store
          .client()
          .getItem(
              b ->
                  b.tableName(store.table())
                      .key(key(Keys.HEALTH, Keys.HEALTH))
                      .overrideConfiguration(
                          o ->
                              o.apiCallTimeout(PROBE_TIMEOUT)
                                  .apiCallAttemptTimeout(PROBE_TIMEOUT)));
      return true;
    } catch (RuntimeException e) {
      LOG.warn("DynamoDB table {} is not available: {}", store.table(), e.toString());
      return false;
    }
  }
}
