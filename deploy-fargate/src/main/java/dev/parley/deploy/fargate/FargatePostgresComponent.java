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
import dev.parley.bus.postgres.PostgresClusterBusModule;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.runtime.CoreModule;
import jakarta.inject.Singleton;

/**
 * The "Fargate on PostgreSQL" deployment: the Jetty server of adapter-fargate in front of every use
 * case, on the PostgreSQL store (migrations applied when the component first needs the data
 * source), with the LISTEN/NOTIFY cluster bus so that several tasks can share one database. The
 * owner starts {@link #housekeeping()} and, on shutdown, stops the server, then closes the
 * housekeeping, the {@link #eventBus()} and the {@link #dataSource()} ({@link FargateDeployment}
 * does).
 */
@Singleton
@Component(
    modules = {
      FargatePostgresComponent.BusConfigModule.class,
      CoreModule.class,
      FargateModule.class,
      PostgresClusterBusModule.class,
      PostgresStoreModule.class
    })
public interface FargatePostgresComponent {

  /** A component for this configuration; nothing connects until a member is first asked for. */
  static FargatePostgresComponent create(
      FargateServerConfig server, JwtSettings jwt, ChatSettings chat, PostgresConfig postgres) {
    return DaggerFargatePostgresComponent.factory().create(server, jwt, chat, postgres);
  }

  /** The server; the same instance on every call. */
  ChatServer server();

  /** The store's connection registry. */
  ConnectionRegistryPort connections();

  /** Reads history without going through HTTP (operational checks, tests). */
  ListHistoryUseCase listHistory();

  /** The cross-node bus; its listener runs from the moment the server is built. */
  PostgresClusterBus eventBus();

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
        @BindsInstance PostgresConfig postgres);
  }

  /** The bus listens on the store's database, as the store's user, in the store's schema. */
  @Module
  abstract class BusConfigModule {
    private BusConfigModule() {}

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
