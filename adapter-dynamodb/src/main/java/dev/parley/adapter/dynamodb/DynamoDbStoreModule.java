package dev.parley.adapter.dynamodb;

import dagger.Module;
import dagger.Provides;
import dev.parley.application.port.out.BanStorePort;
import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.application.port.out.MemberListPort;
import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.port.out.MessageHistoryPort;
import dev.parley.application.port.out.MessageStorePort;
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
 * client is built once from it (URL-connection HTTP client, explicit retries and timeouts).
 * Adapters that implement two ports are one instance each.
 */
@Module
public final class DynamoDbStoreModule {
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

  @Provides
  @Singleton
  static DynamoDbMembershipAdapter membershipAdapter(DynamoDbStore store) {
    return new DynamoDbMembershipAdapter(store);
  }

  @Provides
  @Singleton
  static DynamoDbMessageHistoryAdapter historyAdapter(DynamoDbStore store) {
    return new DynamoDbMessageHistoryAdapter(store);
  }

  @Provides
  @Singleton
  static DynamoDbConnectionAdapter connectionAdapter(DynamoDbStore store) {
    return new DynamoDbConnectionAdapter(store);
  }

  @Provides
  @Singleton
  static RoomStorePort rooms(DynamoDbStore store) {
    return new DynamoDbRoomStoreAdapter(store);
  }

  @Provides
  static MembershipStorePort memberships(DynamoDbMembershipAdapter adapter) {
    return adapter;
  }

  @Provides
  static MemberListPort memberList(DynamoDbMembershipAdapter adapter) {
    return adapter;
  }

  @Provides
  @Singleton
  static BanStorePort bans(DynamoDbStore store) {
    return new DynamoDbBanStoreAdapter(store);
  }

  @Provides
  @Singleton
  static MessageStorePort messages(DynamoDbStore store) {
    return new DynamoDbMessageStoreAdapter(store);
  }

  @Provides
  static MessageHistoryPort history(DynamoDbMessageHistoryAdapter adapter) {
    return adapter;
  }

  @Provides
  static RoomSequencePort sequences(DynamoDbMessageHistoryAdapter adapter) {
    return adapter;
  }

  @Provides
  @Singleton
  static ReactionStorePort reactions(DynamoDbStore store) {
    return new DynamoDbReactionStoreAdapter(store);
  }

  @Provides
  @Singleton
  static ReadStatePort readState(DynamoDbStore store) {
    return new DynamoDbReadStateAdapter(store);
  }

  @Provides
  static ConnectionRegistryPort connections(DynamoDbConnectionAdapter adapter) {
    return adapter;
  }

  @Provides
  static RoomSubscriptionPort subscriptions(DynamoDbConnectionAdapter adapter) {
    return adapter;
  }

  @Provides
  @Singleton
  static RateLimitPort rateLimit(DynamoDbStore store) {
    return new DynamoDbRateLimitAdapter(store);
  }

  @Provides
  @Singleton
  static TypingPort typing(DynamoDbStore store) {
    return new DynamoDbTypingAdapter(store);
  }

  @Provides
  @Singleton
  static StoreHealthPort health(DynamoDbStore store) {
    return new DynamoDbStoreHealthAdapter(store);
  }
}
