package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.StoreHealthPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The embedded store lives in this process, so it is available whenever the process is; tests can
 * switch it off to see a runtime report itself unready.
 */
@Singleton
public final class InMemoryStoreHealthAdapter implements StoreHealthPort {
  @Inject
  public InMemoryStoreHealthAdapter() {}

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
