package dev.parley.adapter.fargate;

import dagger.Binds;
import dagger.BindsOptionalOf;
import dagger.Module;
import dagger.Provides;
import dev.parley.application.port.out.EventDeliveryPort;
import dev.parley.protocol.cluster.ClusterBus;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Binds event delivery to this node's WebSocket sessions, and to the other nodes' through a {@link
 * ClusterBus} when the component binds one (a single node binds none). A Fargate component includes
 * it with {@code UseCaseModule}, the store modules, and a module providing {@link
 * FargateServerConfig}, {@code IdentityResolver}, {@code ChatSettings}, {@code ClockPort} and
 * {@code IdGeneratorPort}; {@link ChatServer} is then injectable. The bus starts receiving when the
 * delivery is first provided; the component owner closes it on shutdown.
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
}
