package dev.parley.adapter.fargate;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.out.ClockPort;
import dev.parley.application.port.out.IdGeneratorPort;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.protocol.cluster.ClusterBus;
import dev.parley.protocol.http.CorsPolicy;
import dev.parley.runtime.UuidV7IdGeneratorAdapter;
import jakarta.inject.Singleton;
import java.time.Duration;

/** What a deployment would configure: settings, clock, ids, server config and token checks. */
@Module
abstract class TestServerModule {
  /** HS256 wants at least 32 bytes. */
  static final String SECRET = "parley-fargate-tests-secret-0123456789abcdef";

  static final String ISSUER = "parley-tests";
  static final Duration DRAIN = Duration.ofSeconds(5);

  private TestServerModule() {}

  @Provides
  static ChatSettings settings() {
    return ChatSettings.DEFAULTS;
  }

  @Provides
  @Singleton
  static GatedClockAdapter clock() {
    return new GatedClockAdapter();
  }

  @Binds
  abstract ClockPort clockPort(GatedClockAdapter clock);

  /** Every test server plays one node of a cluster; the others are the tests. */
  @Provides
  @Singleton
  static RecordingClusterBus cluster() {
    return new RecordingClusterBus();
  }

  @Binds
  abstract ClusterBus clusterBus(RecordingClusterBus cluster);

  @Provides
  @Singleton
  static IdGeneratorPort ids() {
    return new UuidV7IdGeneratorAdapter();
  }

  @Provides
  static FargateServerConfig config(CorsPolicy cors) {
    return new FargateServerConfig("127.0.0.1", 0, DRAIN, cors);
  }

  @Provides
  static JwtSettings jwt() {
    return JwtSettings.hs256(SECRET, ISSUER, null);
  }
}
