package dev.parley.bus.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.adapter.postgres.PostgresSchema;
import dev.parley.protocol.cluster.ClusterBus;
import dev.parley.protocol.cluster.ClusterBusContract;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cluster bus contract on PostgreSQL: each bus has its own pool, so that it can lose it. */
class PostgresClusterBusContractTest extends ClusterBusContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema(4);

  private final List<HikariDataSource> pools = new ArrayList<>();
  private final Map<ClusterBus, String> names = new IdentityHashMap<>();
  private final Map<ClusterBus, HikariDataSource> poolOf = new IdentityHashMap<>();

  @AfterEach
  void closePools() {
    pools.forEach(HikariDataSource::close);
  }

  @Override
  protected ClusterBus openBus() {
    String name = "contract-" + UUID.randomUUID();
    HikariConfig pool = new HikariConfig();
    pool.setDataSource(DB.dataSource());
    pool.setMaximumPoolSize(2);
    HikariDataSource dataSource = new HikariDataSource(pool);
    pools.add(dataSource);
    PostgresBusConfig config =
        PostgresClusterBusTest.busConfig(DB.config().withApplicationName(name));
    PostgresClusterBus bus =
        new PostgresClusterBus(
            PostgresClusterBus.channelOf(DB.config().schema()),
            dataSource,
            () -> PostgresClusterBus.openListener(config),
            Duration.ofMillis(50),
            Duration.ofSeconds(10));
    names.put(bus, name);
    poolOf.put(bus, dataSource);
    return bus;
  }

  @Override
  protected void awaitListening(ClusterBus bus) throws InterruptedException {
    assertThat(((PostgresClusterBus) bus).awaitListening(Duration.ofSeconds(WAIT_SECONDS)))
        .as("listening")
        .isTrue();
  }

  /** Closes the bus's pool and terminates its listening backend. */
  @Override
  protected void killTransport(ClusterBus bus) throws Exception {
    poolOf.get(bus).close();
    try (Connection c = DB.dataSource().getConnection();
        PreparedStatement terminate =
            c.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name = ?")) {
      terminate.setString(1, names.get(bus) + "-listener");
      terminate.executeQuery().close();
    }
  }
}
