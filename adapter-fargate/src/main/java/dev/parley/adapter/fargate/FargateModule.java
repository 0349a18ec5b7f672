package dev.parley.adapter.fargate;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.parley.application.port.out.EventDeliveryPort;
import dev.parley.protocol.auth.IdentityResolver;
import dev.parley.protocol.auth.JwtIdentityResolver;
import dev.parley.protocol.auth.JwtSettings;
import jakarta.inject.Singleton;

/**
 * The Fargate runtime's bindings: event delivery to this node's WebSocket sessions and the JWT
 * identity resolver built from the {@link JwtSettings} the component is created with. A Fargate
 * component includes it with {@code CoreModule} and a store module, and binds {@link
 * FargateServerConfig}, {@link JwtSettings} and {@code ChatSettings} in its factory; {@link
 * ChatServer} is then injectable.
 */
@Module
public abstract class FargateModule {
  private FargateModule() {}

  @Binds
  abstract EventDeliveryPort delivery(JettyWebSocketDeliveryAdapter adapter);

  /** One resolver per process: it caches JWKS keys and is thread-safe. */
  @Provides
  @Singleton
  static IdentityResolver identityResolver(JwtSettings settings) {
    return new JwtIdentityResolver(settings);
  }
}
