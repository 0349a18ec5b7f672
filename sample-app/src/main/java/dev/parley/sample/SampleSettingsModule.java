package dev.parley.sample;

import dagger.Module;
import dagger.Provides;
import dev.parley.application.port.out.ClockPort;
import dev.parley.application.port.out.IdGeneratorPort;
import dev.parley.protocol.auth.IdentityResolver;
import dev.parley.protocol.auth.JwtIdentityResolver;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.testkit.adapter.SystemClockAdapter;
import dev.parley.testkit.adapter.UuidV7IdGeneratorAdapter;
import jakarta.inject.Singleton;

/**
 * What the sample deployment supplies besides the adapters: the system clock, UUIDv7 ids, and the
 * JWT identity resolver built from the {@link JwtSettings} the component was created with. The
 * {@link dev.parley.application.config.ChatSettings} and the server's configuration are bound by
 * {@link FargateInMemoryComponent.Factory}.
 */
@Module
public final class SampleSettingsModule {
  private SampleSettingsModule() {}

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

  /** One resolver per process: it caches JWKS keys and is thread-safe. */
  @Provides
  @Singleton
  static IdentityResolver identityResolver(JwtSettings settings) {
    return new JwtIdentityResolver(settings);
  }
}
