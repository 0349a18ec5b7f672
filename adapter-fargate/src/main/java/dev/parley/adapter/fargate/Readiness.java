package dev.parley.adapter.fargate;

import dev.parley.application.port.in.CheckStoreHealthQuery;
import dev.parley.application.port.in.CheckStoreHealthUseCase;
import dev.parley.application.port.in.StoreHealth;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node should receive traffic: started, not draining, the store answering, and every
 * extra {@link ReadinessCheck} true. Changes are logged once each, so an outage shows up in the log
 * without a line per probe.
 */
final class Readiness {
  private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

  private final CheckStoreHealthUseCase store;
  private final List<ReadinessCheck> checks = new CopyOnWriteArrayList<>();
  private volatile boolean started;
  private volatile boolean draining;
  private volatile String lastAnswer = "";

  Readiness(CheckStoreHealthUseCase store) {
    this.store = store;
  }

  void add(ReadinessCheck check) {
    checks.add(check);
  }

  void started() {
    started = true;
  }

  /** From now on the node is unready for good: it is shutting down. */
  void drain() {
    draining = true;
  }

  boolean draining() {
    return draining;
  }

  boolean ready() {
    String problem = problem();
    if (!problem.equals(lastAnswer)) {
      lastAnswer = problem;
      if (problem.isEmpty()) {
        LOG.info("ready");
      } else {
        LOG.info("not ready: {}", problem);
      }
    }
    return problem.isEmpty();
  }

  /** Why the node is not ready, or "" when it is. */
  private String problem() {
    if (!started) {
      return "not started";
    }
    if (draining) {
      return "draining";
    }
    if (!holds("the store", this::storeAvailable)) {
      return "the store is unavailable";
    }
    for (ReadinessCheck check : checks) {
      if (!holds(check.getClass().getName(), check)) {
        return "a readiness check failed: " + check.getClass().getName();
      }
    }
    return "";
  }

  private boolean storeAvailable() {
    return store.checkStoreHealth(new CheckStoreHealthQuery()) instanceof StoreHealth.Available;
  }

  private static boolean holds(String name, ReadinessCheck check) {
    try {
      return check.ready();
    } catch (RuntimeException e) {
      // A probe must answer; a check that throws means "not ready", not a 500.
      LOG.warn("readiness check {} threw", name, e);
      return false;
    }
  }
}
