package dev.parley.deploy.fargate;

import com.zaxxer.hikari.HikariDataSource;
import dagger.Binds;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dev.parley.adapter.fargate.ChatServer;
import dev.parley.adapter.fargate.FargateServerConfig;
import dev.parley.adapter.fargate.JettyWebSocketDeliveryAdapter;
import dev.parley.adapter.postgres.PostgresConfig;
import dev.parley.adapter.postgres.PostgresEventBusAdapter;
import dev.parley.adapter.postgres.PostgresEventBusModule;
import dev.parley.adapter.postgres.PostgresStoreModule;
import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.in.ListHistoryUseCase;
import dev.parley.application.port.out.EventDeliveryPort;
import dev.parley.protocol.auth.IdentityResolver;
import dev.parley.protocol.auth.JwtIdentityResolver;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.runtime.CoreModule;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The "Fargate on PostgreSQL" deployment: the Jetty server of adapter-fargate in front of every use
 * case, on the PostgreSQL store (migrations applied when the component first needs the data
 * source), with the LISTEN/NOTIFY event bus so that several tasks can share one database. The owner
 * starts {@link #housekeeping()} and, on shutdown, stops the server, then closes the housekeeping,
 * the {@link #eventBus()} and the {@link #dataSource()} (see {@code
 * dev.parley.sample.SampleDeployment}).
 */
@Singleton
@Component(
    modules = {
      CoreModule.class,
      FargatePostgresComponent.LocalDeliveryModule.class,
      PostgresEventBusModule.class,
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

  /** Reads history without going through HTTP (operational checks, tests). */
  ListHistoryUseCase listHistory();

  /** The cross-node bus; its listener runs from the moment the server is built. */
  PostgresEventBusAdapter eventBus();

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

  /** This node's own delivery, which the event bus decorates: its WebSocket sessions. */
  @Module
  abstract class LocalDeliveryModule {
    private LocalDeliveryModule() {}

    @Binds
    @Named(PostgresEventBusModule.LOCAL)
    abstract EventDeliveryPort local(JettyWebSocketDeliveryAdapter webSockets);

    /** One resolver per process: it caches JWKS keys and is thread-safe. */
    @Provides
    @Singleton
    static IdentityResolver identityResolver(JwtSettings settings) {
      return new JwtIdentityResolver(settings);
    }
  }
}
