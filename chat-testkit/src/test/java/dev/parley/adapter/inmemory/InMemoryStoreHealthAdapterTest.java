package dev.parley.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.StoreHealthPort;
import dev.parley.testkit.contract.StoreHealthPortContract;
import org.junit.jupiter.api.Test;

class InMemoryStoreHealthAdapterTest extends StoreHealthPortContract {
  @Override
  protected StoreHealthPort health() {
    return new InMemoryStoreHealthAdapter();
  }

  @Test
  void simulatedOutageIsReportedUntilRecovery() {
    InMemoryStoreHealthAdapter health = new InMemoryStoreHealthAdapter();
    health.setAvailable(false);
    assertThat(health.isAvailable()).isFalse();
    health.setAvailable(true);
    assertThat(health.isAvailable()).isTrue();
  }
}
