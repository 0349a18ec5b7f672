package dev.parley.adapter.lambda;

import dagger.Binds;
import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import dev.parley.application.port.out.EventDeliveryPort;
import dev.parley.protocol.auth.IdentityResolver;
import dev.parley.protocol.auth.JwtIdentityResolver;
import dev.parley.protocol.auth.JwtSettings;
import jakarta.inject.Singleton;

/**
 * The Lambda runtime's bindings: event delivery (through the Management API, big audiences through
 * the fan-out function: {@link LambdaFanOutDeliveryAdapter}) and the JWT identity resolver (from
 * the {@link JwtSettings} the component is created with, usually {@link
 * JwtSettings#fromEnvironment}). A component adds {@code CoreModule} and a store module, and binds
 * {@link LambdaConfig}, {@link JwtSettings} and {@code ChatSettings} instances in its factory, as
 * the Fargate components do.
 */
@Module
public abstract class LambdaModule {
  private LambdaModule() {}

  @Binds
  abstract EventDeliveryPort delivery(LambdaFanOutDeliveryAdapter adapter);

  /**
   * One resolver per environment: it caches JWKS keys and is thread-safe. Built on the first token
   * it is asked to verify: behind an API Gateway authorizer the handlers never verify one, and
   * building it loads the JWT library (about 25 ms of CPU of a cold start).
   */
  @Provides
  @Singleton
  static IdentityResolver identityResolver(Lazy<JwtIdentityResolver> resolver) {
    return token -> resolver.get().authenticate(token);
  }

  @Provides
  @Singleton
  static JwtIdentityResolver jwtIdentityResolver(JwtSettings settings) {
    return new JwtIdentityResolver(settings);
  }
}
