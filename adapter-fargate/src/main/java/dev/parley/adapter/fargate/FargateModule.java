package dev.parley.adapter.fargate;

import dagger.Binds;
import dagger.Module;
import dev.parley.application.port.out.EventDeliveryPort;

/**
 * Binds event delivery to this node's WebSocket sessions. A Fargate component includes it with
 * {@code UseCaseModule}, the store modules, and a module providing {@link FargateServerConfig},
 * {@code IdentityResolver}, {@code ChatSettings}, {@code ClockPort} and {@code IdGeneratorPort};
 * {@link ChatServer} is then injectable.
 */
@Module
public abstract class FargateModule {
  private FargateModule() {}

  @Binds
  abstract EventDeliveryPort delivery(JettyWebSocketDeliveryAdapter adapter);
}
