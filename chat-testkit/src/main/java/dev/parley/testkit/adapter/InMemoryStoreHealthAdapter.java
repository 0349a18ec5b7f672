package dev.parley.testkit.adapter;

import dev.parley.application.port.out.StoreHealthPort;

/**
 * The embedded store lives in this process, so it is available whenever the process is; tests can
 * switch it off to see a runtime report itself unready.
 */
public final class InMemoryStoreHealthAdapter implements StoreHealthPort {
  private volatile boolean available = true;

  @Override
  public boolean isAvailable() {
    return available;
  }

  /** Simulates an outage (false) or a recovery (true). */
  public void setAvailable(boolean available) {
    this.available = available;
  }
}
