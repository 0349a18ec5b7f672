package dev.parley.adapter.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dagger.Binds;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dev.parley.adapter.fargate.ChatServer;
import dev.parley.adapter.fargate.FargateServerConfig;
import dev.parley.adapter.fargate.JettyWebSocketDeliveryAdapter;
import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.out.ClockPort;
import dev.parley.application.port.out.EventDeliveryPort;
import dev.parley.application.port.out.IdGeneratorPort;
import dev.parley.application.service.UseCaseModule;
import dev.parley.protocol.auth.IdentityResolver;
import dev.parley.protocol.auth.JwtIdentityResolver;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.runtime.SystemClockAdapter;
import dev.parley.runtime.UuidV7IdGeneratorAdapter;
import dev.parley.runtime.ValidationModule;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;

/** One Fargate node on PostgreSQL with the event bus: what a multi-node deployment wires. */
@Singleton
@Component(
    modules = {
      PostgresStoreModule.class,
      PostgresEventBusModule.class,
      UseCaseModule.class,
      ValidationModule.class,
      TwoNodeComponent.NodeModule.class
    })
interface TwoNodeComponent {
  String SECRET = "parley-two-node-tests-secret-0123456789abcdef";
  String ISSUER = "parley-two-node";

  ChatServer server();

  PostgresEventBusAdapter bus();

  HikariDataSource dataSource();

  static TwoNodeComponent create(PostgresConfig config) {
    return DaggerTwoNodeComponent.factory().create(config);
  }

  @Component.Factory
  interface Factory {
    TwoNodeComponent create(@BindsInstance PostgresConfig config);
  }

  /** Settings, clock, ids, tokens, the server's address, and the node's own delivery. */
  @Module
  abstract class NodeModule {
    private NodeModule() {}

    @Binds
    @Named(PostgresEventBusModule.LOCAL)
    abstract EventDeliveryPort local(JettyWebSocketDeliveryAdapter webSockets);

    @Provides
    static ChatSettings settings() {
      return ChatSettings.DEFAULTS;
    }

    @Provides
    @Singleton
    static ClockPort clock() {
      return new SystemClockAdapter();
    }

    @Provides
    @Singleton
    static IdGeneratorPort ids() {
      return new UuidV7IdGeneratorAdapter();
    }

    @Provides
    static FargateServerConfig server() {
      return new FargateServerConfig("127.0.0.1", 0, Duration.ofSeconds(5));
    }

    @Provides
    @Singleton
    static IdentityResolver identity() {
      return new JwtIdentityResolver(JwtSettings.hs256(SECRET, ISSUER, null));
    }
  }
}
