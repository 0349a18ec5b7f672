package dev.parley.deploy.lambda;

import com.zaxxer.hikari.HikariDataSource;
import org.crac.Context;
import org.crac.Resource;

/**
 * Keeps the pool's connections out of a SnapStart snapshot, and out of the restored environment: a
 * connection opened before the snapshot is a socket whose server side is long gone (or belongs to
 * another environment restored from the same snapshot) when the environment is restored.
 *
 * <p>{@link #beforeCheckpoint} evicts every connection; the Lambda pool keeps no idle minimum, so
 * nothing opens a new one before the snapshot unless something asks (the priming's health check
 * does, which is why {@code LambdaInit} registers this first: CRaC calls it after the priming). In
 * case a connection got in anyway (a warm-up thread still running, another registration order),
 * {@link #afterRestore} evicts again before the first request; that request then opens a fresh
 * connection. Eviction is Hikari's soft eviction: idle connections are closed at once, one in use
 * when it is returned.
 */
final class PostgresPoolEviction implements Resource {
  private final HikariDataSource pool;

  PostgresPoolEviction(HikariDataSource pool) {
    this.pool = pool;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    evict();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    evict();
  }

  private void evict() {
    if (!pool.isClosed()) {
      pool.getHikariPoolMXBean().softEvictConnections();
    }
  }
}
