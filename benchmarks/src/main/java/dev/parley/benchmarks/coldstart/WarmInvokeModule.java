package dev.parley.benchmarks.coldstart;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.parley.adapter.lambda.LambdaModule;
import dev.parley.adapter.lambda.ManagementApiDeliveryAdapter;
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
 * {@link LambdaModule}'s bindings with one change: {@link ChatSettings#withoutUserLimits()} instead
 * of the defaults, as the other benchmarks do, since the default per-user limit (30 posts per 10 s)
 * would refuse almost every post of a benchmark; the limit is still taken on every post. Kept in
 * step with {@code LambdaModule} by hand (Dagger cannot override one binding of a module).
 */
@Module
abstract class WarmInvokeModule {
  private WarmInvokeModule() {}

  @Binds
  abstract EventDeliveryPort delivery(ManagementApiDeliveryAdapter adapter);

  @Provides
  @Singleton
  static IdentityResolver identityResolver(JwtSettings settings) {
    return new JwtIdentityResolver(settings);
  }

  @Provides
  static ChatSettings settings() {
    return ChatSettings.withoutUserLimits();
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
