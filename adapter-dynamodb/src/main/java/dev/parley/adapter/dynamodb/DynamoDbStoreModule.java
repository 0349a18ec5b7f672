package dev.parley.adapter.dynamodb;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.parley.application.port.out.BanStorePort;
import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.application.port.out.MemberListPort;
import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.port.out.MessageHistoryPort;
import dev.parley.application.port.out.MessageSearchPort;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.application.port.out.OwnerStepDownPort;
import dev.parley.application.port.out.RateLimitPort;
import dev.parley.application.port.out.ReactionStorePort;
import dev.parley.application.port.out.ReadStatePort;
import dev.parley.application.port.out.RoomSequencePort;
import dev.parley.application.port.out.RoomStorePort;
import dev.parley.application.port.out.RoomSubscriptionPort;
import dev.parley.application.port.out.StoreHealthPort;
import dev.parley.application.port.out.TypingPort;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Binds every storage port to its DynamoDB adapter. Needs a {@link DynamoDbConfig} in the graph,
 * e.g. {@code DynamoDbConfig.fromEnvironment(System.getenv())} bound by the host's component; the
 * client is built once from it (URL-connection HTTP client, explicit retries and timeouts). The
 * adapters are {@code @Singleton} classes, so an adapter behind two ports is one instance.
 */
@Module
public abstract class DynamoDbStoreModule {
  private DynamoDbStoreModule() {}

  @Provides
  @Singleton
  static DynamoDbClient client(DynamoDbConfig config) {
    return DynamoDbClients.create(config);
  }

  @Provides
  @Singleton
  static DynamoDbStore store(DynamoDbClient client, DynamoDbConfig config) {
    return new DynamoDbStore(client, config.table());
  }

  @Binds
  abstract BanStorePort banStore(DynamoDbBanStoreAdapter adapter);

  @Binds
  abstract ConnectionRegistryPort connectionRegistry(DynamoDbConnectionAdapter adapter);

  @Binds
  abstract MemberListPort memberList(DynamoDbMembershipAdapter adapter);

  @Binds
  abstract MembershipStorePort membershipStore(DynamoDbMembershipAdapter adapter);

  @Binds
  abstract OwnerStepDownPort ownerStepDown(DynamoDbMembershipAdapter adapter);

  @Binds
  abstract MessageHistoryPort messageHistory(DynamoDbMessageHistoryAdapter adapter);

  @Binds
  abstract MessageStorePort messageStore(DynamoDbMessageStoreAdapter adapter);

  @Binds
  abstract MessageSearchPort messageSearch(DynamoDbMessageSearchAdapter adapter);

  @Binds
  abstract RateLimitPort rateLimit(DynamoDbRateLimitAdapter adapter);

  @Binds
  abstract ReactionStorePort reactionStore(DynamoDbReactionStoreAdapter adapter);

  @Binds
  abstract ReadStatePort readState(DynamoDbReadStateAdapter adapter);

  @Binds
  abstract RoomSequencePort roomSequence(DynamoDbMessageHistoryAdapter adapter);

  @Binds
  abstract RoomStorePort roomStore(DynamoDbRoomStoreAdapter adapter);

  @Binds
  abstract RoomSubscriptionPort roomSubscription(DynamoDbConnectionAdapter adapter);

  @Binds
  abstract StoreHealthPort storeHealth(DynamoDbStoreHealthAdapter adapter);

  @Binds
  abstract TypingPort typing(DynamoDbTypingAdapter adapter);
}
