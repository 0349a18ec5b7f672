package dev.parley.bus.postgres;

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
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.runtime.CoreModule;
import jakarta.inject.Singleton;
import java.time.Duration;

/** One Fargate node on PostgreSQL with the cluster bus: what a multi-node deployment wires. */
@Singleton
@Component(
    modules = {
      CoreModule.class,
      FargateModule.class,
      PostgresClusterBusModule.class,
      PostgresStoreModule.class,
      TwoNodeComponent.NodeModule.class
    })
interface TwoNodeComponent {
  String SECRET = "parley-two-node-tests-secret-0123456789abcdef";
  String ISSUER = "parley-two-node";

  ChatServer server();

  PostgresClusterBus bus();

  HikariDataSource dataSource();

  static TwoNodeComponent create(PostgresConfig config) {
    return DaggerTwoNodeComponent.factory().create(config);
  }

  @Component.Factory
  interface Factory {
    TwoNodeComponent create(@BindsInstance PostgresConfig config);
  }

  /** Settings, tokens, the server's address, and the bus's connection. */
  @Module
  abstract class NodeModule {
    private NodeModule() {}

    @Provides
    static PostgresBusConfig bus(PostgresConfig store) {
      return PostgresClusterBusTest.busConfig(store);
    }

    @Provides
    static ChatSettings settings() {
      return ChatSettings.DEFAULTS;
    }

    @Provides
    static FargateServerConfig server() {
      return new FargateServerConfig("127.0.0.1", 0, Duration.ofSeconds(5));
    }

    @Provides
    static JwtSettings jwt() {
      return JwtSettings.hs256(SECRET, ISSUER, null);
    }
  }
}
