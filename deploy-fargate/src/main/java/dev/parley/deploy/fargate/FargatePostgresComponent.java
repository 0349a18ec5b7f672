package dev.parley.deploy.fargate;

import com.zaxxer.hikari.HikariDataSource;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dev.parley.adapter.fargate.ChatServer;
import dev.parley.adapter.fargate.FargateModule;
import dev.parley.adapter.fargate.FargateServerConfig;
import dev.parley.adapter.postgres.PostgresConfig;
import dev.parley.adapter.postgres.PostgresStoreModule;
import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.in.ListHistoryUseCase;
import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.bus.postgres.PostgresBusConfig;
import dev.parley.bus.postgres.PostgresClusterBus;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.protocol.cluster.ClusterBus;
import dev.parley.runtime.CoreModule;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * The "Fargate on PostgreSQL" deployment: the Jetty server of adapter-fargate in front of every use
 * case, on the PostgreSQL store (migrations applied when the component first needs the data
 * source), with a cluster bus so that several tasks can share one database: the LISTEN/NOTIFY bus
 * by default, or Redis, or none ({@link ClusterBusChoice}). The owner starts {@link
 * #housekeeping()} and, on shutdown, stops the server, then closes the housekeeping, the {@link
 * #eventBus()} and the {@link #dataSource()} ({@link FargateDeployment} does).
 */
@Singleton
@Component(
    modules = {
      FargatePostgresComponent.BusConfigModule.class,
      CoreModule.class,
      FargateModule.class,
      PostgresStoreModule.class
    })
public interface FargatePostgresComponent {

  /** A component with the LISTEN/NOTIFY bus; nothing connects until a member is first asked for. */
  static FargatePostgresComponent create(
      FargateServerConfig server, JwtSettings jwt, ChatSettings chat, PostgresConfig postgres) {
    return create(server, jwt, chat, postgres, ClusterBusChoice.POSTGRES);
  }

  /** A component for this configuration and bus. */
  static FargatePostgresComponent create(
      FargateServerConfig server,
      JwtSettings jwt,
      ChatSettings chat,
      PostgresConfig postgres,
      ClusterBusChoice bus) {
    return DaggerFargatePostgresComponent.factory().create(server, jwt, chat, postgres, bus);
  }

  /** The server; the same instance on every call. */
  ChatServer server();

  /** The store's connection registry. */
  ConnectionRegistryPort connections();

  /** Reads history without going through HTTP (operational checks, tests). */
  ListHistoryUseCase listHistory();

  /** The cross-node bus; it listens from the moment the server is built. */
  ClusterBus eventBus();

  /** The pool; closed last. */
  HikariDataSource dataSource();

  /** The periodic purges. */
  PostgresHousekeeping housekeeping();

  /** Builds the component from the deployment's configuration values. */
  @Component.Factory
  interface Factory {
    FargatePostgresComponent create(
        @BindsInstance FargateServerConfig server,
        @BindsInstance JwtSettings jwt,
        @BindsInstance ChatSettings chat,
        @BindsInstance PostgresConfig postgres,
        @BindsInstance ClusterBusChoice bus);
  }

  /**
   * The bus chosen at start, and for the PostgreSQL bus its settings: it listens on the store's
   * database, as the store's user, in the store's schema. A provider choosing rather than one
   * component per (store, bus): the components would differ in this one binding only.
   */
  @Module
  abstract class BusConfigModule {
    private BusConfigModule() {}

    @Provides
    @Singleton
    static ClusterBus clusterBus(ClusterBusChoice choice, Provider<PostgresClusterBus> postgres) {
      return choice.kind() == ClusterBusChoice.Kind.POSTGRES
          ? postgres.get()
          : choice.redisOrNone();
    }

    @Provides
    @Singleton
    static PostgresClusterBus postgresClusterBus(PostgresBusConfig config, DataSource dataSource) {
      return new PostgresClusterBus(config, dataSource);
    }

    @Provides
    static PostgresBusConfig busConfig(PostgresConfig store) {
      return new PostgresBusConfig(
          store.url(),
          store.user(),
          store.password(),
          store.schema(),
          store.applicationName(),
          store.connectionTimeout(),
          store.socketTimeout());
    }
  }
}
