package dev.parley.adapter.fargate;

import dagger.Binds;
import dagger.BindsOptionalOf;
import dagger.Module;
import dagger.Provides;
import dev.parley.application.port.out.EventDeliveryPort;
import dev.parley.protocol.auth.IdentityResolver;
import dev.parley.protocol.auth.JwtIdentityResolver;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.protocol.cluster.ClusterBus;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The Fargate runtime's bindings: event delivery to this node's WebSocket sessions, and to the
 * other nodes' through a {@link ClusterBus} when the component binds one (a single node binds
 * none), and the JWT identity resolver built from the {@link JwtSettings} the component is created
 * with. A Fargate component includes it with {@code CoreModule} and a store module, and binds
 * {@link FargateServerConfig}, {@link JwtSettings} and {@code ChatSettings} in its factory; {@link
 * ChatServer} is then injectable. The bus starts receiving when the delivery is first provided; the
 * component owner closes it on shutdown.
 */
@Module
public abstract class FargateModule {
  private FargateModule() {}

  @BindsOptionalOf
  abstract ClusterBus clusterBus();

  @Provides
  @Singleton
  static JettyWebSocketDeliveryAdapter webSockets(Optional<ClusterBus> clusterBus) {
    ClusterBus bus = clusterBus.orElse(ClusterBus.NONE);
    JettyWebSocketDeliveryAdapter webSockets = new JettyWebSocketDeliveryAdapter(bus);
    bus.start(webSockets::receive);
    return webSockets;
  }

  @Binds
  abstract EventDeliveryPort delivery(JettyWebSocketDeliveryAdapter adapter);

  /** One resolver per process: it caches JWKS keys and is thread-safe. */
  @Provides
  @Singleton
  static IdentityResolver identityResolver(JwtSettings settings) {
    return new JwtIdentityResolver(settings);
  }
}
