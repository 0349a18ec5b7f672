package dev.parley.deploy.fargate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.deploy.fargate.FargateSettings.Store;
import dev.parley.protocol.cluster.ClusterBus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CHAT_BUS and the Redis variables: the defaults per store, and what is refused. */
class ClusterBusChoiceTest {
  private static final Map<String, String> REDIS = Map.of("CHAT_REDIS_URL", "redis://cache:6379");

  @Test
  void unsetKeepsEachStoresBusAsBefore() {
    assertThat(ClusterBusChoice.fromEnvironment(Map.of(), Store.POSTGRES))
        .isEqualTo(ClusterBusChoice.POSTGRES);
    assertThat(ClusterBusChoice.fromEnvironment(Map.of(), Store.DYNAMODB))
        .isEqualTo(ClusterBusChoice.NONE);
    assertThat(ClusterBusChoice.fromEnvironment(Map.of(" ", " "), Store.MEMORY))
        .isEqualTo(ClusterBusChoice.NONE);
  }

  @Test
  void redisOnDynamoDbReadsTheUrlAndThePrefix() {
    ClusterBusChoice choice =
        ClusterBusChoice.fromEnvironment(
            Map.of(
                "CHAT_BUS", " Redis ",
                "CHAT_REDIS_URL", "rediss://:pw@cache:6380",
                "CHAT_REDIS_CHANNEL_PREFIX", "staging"),
            Store.DYNAMODB);

    assertThat(choice.kind()).isEqualTo(ClusterBusChoice.Kind.REDIS);
    assertThat(choice.redis().url()).isEqualTo("rediss://:pw@cache:6380");
    assertThat(choice.redis().channel()).isEqualTo("staging:cluster");
    assertThat(choice.describe())
        .isEqualTo("Redis cluster bus at rediss://***@cache:6380, channel staging:cluster");
  }

  @Test
  void aSingleNodeBindsTheEmptyBus() {
    assertThat(ClusterBusChoice.NONE.redisOrNone()).isSameAs(ClusterBus.NONE);
  }

  @Test
  void nonsenseCombinationsAreRefusedWithOneLine() {
    assertThatThrownBy(
            () -> ClusterBusChoice.fromEnvironment(Map.of("CHAT_BUS", "kafka"), Store.POSTGRES))
        .hasMessage("CHAT_BUS must be one of none|postgres|redis, was: 'kafka'");
    assertThatThrownBy(
            () -> ClusterBusChoice.fromEnvironment(Map.of("CHAT_BUS", "postgres"), Store.DYNAMODB))
        .hasMessageStartingWith("CHAT_BUS=postgres needs the postgres store");
    assertThatThrownBy(() -> ClusterBusChoice.of("redis", "--bus", Store.MEMORY, REDIS))
        .hasMessageStartingWith("--bus=redis needs a store that nodes share");
    assertThatThrownBy(
            () -> ClusterBusChoice.fromEnvironment(Map.of("CHAT_BUS", "redis"), Store.DYNAMODB))
        .hasMessage("CHAT_BUS=redis needs CHAT_REDIS_URL, e.g. redis://127.0.0.1:6379");
    assertThatThrownBy(
            () ->
                ClusterBusChoice.fromEnvironment(
                    Map.of("CHAT_BUS", "redis", "CHAT_REDIS_URL", "http://cache"), Store.POSTGRES))
        .hasMessageContaining("redis:// or rediss://");
  }
}
