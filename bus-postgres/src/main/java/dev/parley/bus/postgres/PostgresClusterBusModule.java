package dev.parley.bus.postgres;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.parley.protocol.cluster.ClusterBus;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * Binds {@link ClusterBus} to the {@link PostgresClusterBus}; the component provides a {@link
 * PostgresBusConfig} and the store's {@link DataSource}. The node's delivery starts the bus; the
 * component owner closes it on shutdown, before the data source.
 */
@Module
public abstract class PostgresClusterBusModule {
  private PostgresClusterBusModule() {}

  @Provides
  @Singleton
  static PostgresClusterBus postgresClusterBus(PostgresBusConfig config, DataSource dataSource) {
    return new PostgresClusterBus(config, dataSource);
  }

  @Binds
  abstract ClusterBus clusterBus(PostgresClusterBus bus);
}
