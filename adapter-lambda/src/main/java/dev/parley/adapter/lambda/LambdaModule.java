package dev.parley.adapter.lambda;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.out.ClockPort;
import dev.parley.application.port.out.EventDeliveryPort;
import dev.parley.application.port.out.IdGeneratorPort;
import dev.parley.protocol.auth.IdentityResolver;
import dev.parley.protocol.auth.JwtIdentityResolver;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.testkit.adapter.SystemClockAdapter;
import dev.parley.testkit.adapter.UuidV7IdGeneratorAdapter;
import jakarta.inject.Singleton;

/**
 * The Lambda runtime's bindings: event delivery through the Management API, the JWT identity
 * resolver (from the {@link JwtSettings} the component is created with, usually {@link
 * JwtSettings#fromEnvironment}), the default {@link ChatSettings}, the system clock and UUIDv7 ids.
 * A component adds a store module, {@code UseCaseModule} and {@code ValidationModule}, and binds
 * {@link LambdaConfig} and {@link JwtSettings} instances in its factory.
 */
@Module
public abstract class LambdaModule {
  private LambdaModule() {}

  @Binds
  abstract EventDeliveryPort delivery(ManagementApiDeliveryAdapter adapter);

  /** One resolver per environment: it caches JWKS keys and is thread-safe. */
  @Provides
  @Singleton
  static IdentityResolver identityResolver(JwtSettings settings) {
    return new JwtIdentityResolver(settings);
  }

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
}
