package dev.parley.bus.redis;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.parley.protocol.cluster.ClusterBus;
import jakarta.inject.Singleton;

/**
 * Binds {@link ClusterBus} to the {@link RedisClusterBus}; the component provides a {@link
 * RedisBusConfig}. The node's delivery starts the bus; the component owner closes it on shutdown.
 */
@Module
public abstract class RedisClusterBusModule {
  private RedisClusterBusModule() {}

  @Provides
  @Singleton
  static RedisClusterBus redisClusterBus(RedisBusConfig config) {
    return new RedisClusterBus(config);
  }

  @Binds
  abstract ClusterBus clusterBus(RedisClusterBus bus);
}
