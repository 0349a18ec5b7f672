package dev.parley.benchmarks.load;

import dagger.Module;
import dagger.Provides;
import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.out.ClockPort;
import dev.parley.application.port.out.IdGeneratorPort;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.runtime.SystemClockAdapter;
import dev.parley.runtime.UuidV7IdGeneratorAdapter;
import jakarta.inject.Singleton;

/**
 * What a deployment configures, set for load tests: the system clock, UUIDv7 ids, HS256 tokens
 * signed with {@link LoadAuth#SECRET} (checked on every request, as in production), and {@link
 * ChatSettings#withoutUserLimits()}: the per-user rate limits (30 posts per 10 s by default) would
 * otherwise refuse almost every post of a load test. They are still taken on every post.
 */
@Module
final class LoadServerModule {
  private LoadServerModule() {}

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

  @Provides
  static JwtSettings jwt() {
    return LoadAuth.settings();
  }
}
