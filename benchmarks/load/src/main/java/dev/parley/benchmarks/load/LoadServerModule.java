package dev.parley.benchmarks.load;

import dagger.Module;
import dagger.Provides;
import dev.parley.application.config.ChatSettings;
import dev.parley.protocol.auth.JwtSettings;

/**
 * What a deployment configures, set for load tests: HS256 tokens signed with {@link
 * LoadAuth#SECRET} (checked on every request, as in production), and {@link
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
  static JwtSettings jwt() {
    return LoadAuth.settings();
  }
}
