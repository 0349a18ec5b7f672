package dev.parley.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.application.port.out.Subscriber;
import dev.parley.domain.presence.Connection;
import dev.parley.domain.room.RoomId;
import dev.parley.testkit.contract.ConnectionRegistryPortContract;
import dev.parley.testkit.fixture.Ids;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryConnectionAdapterTest extends ConnectionRegistryPortContract {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final InMemoryConnectionAdapter adapter = new InMemoryConnectionAdapter();

  @Override
  protected ConnectionRegistryPort connections() {
    return adapter;
  }

  @Test
  void purgeExpiredRemovesDeadConnectionsWithTheirSubscriptions() {
    RoomId room = Ids.room();
    Connection dead = Connection.open(Ids.connection(), Ids.user(), T0);
    Connection alive = Connection.open(Ids.connection(), Ids.user(), T0);
    adapter.register(dead, T0.plusSeconds(10));
    adapter.register(alive, T0.plusSeconds(100));
    adapter.subscribe(room, dead.id(), dead.userId());
    adapter.subscribe(room, alive.id(), alive.userId());

    int purged = adapter.purgeExpired(T0.plusSeconds(50));

    assertThat(purged).isEqualTo(1);
    assertThat(adapter.remove(dead.id())).isEmpty();
    assertThat(adapter.find(alive.id(), T0)).contains(alive);
    // Even at an instant when it was alive, the purged connection stays gone.
    assertThat(adapter.subscribers(room, T0))
        .containsExactly(new Subscriber(alive.id(), alive.userId()));
  }

  @Test
  void connectionRegisteredUnderAnotherUserMovesBetweenUsers() {
    Connection first = Connection.open(Ids.connection(), Ids.user(), T0);
    Connection moved = Connection.open(first.id(), Ids.user(), T0);
    adapter.register(first, T0.plusSeconds(10));

    adapter.register(moved, T0.plusSeconds(10));

    assertThat(adapter.byUser(first.userId(), T0)).isEmpty();
    assertThat(adapter.byUser(moved.userId(), T0)).containsExactly(moved);
  }
}
