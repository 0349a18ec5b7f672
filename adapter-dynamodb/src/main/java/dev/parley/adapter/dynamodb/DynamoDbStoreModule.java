package dev.parley.adapter.dynamodb;

import dagger.Binds;
import dagger.BindsOptionalOf;
import dagger.Module;
import dagger.Provides;
import dev.parley.application.port.out.BanListPort;
import dev.parley.application.port.out.BanStorePort;
import dev.parley.application.port.out.BlockCheckPort;
import dev.parley.application.port.out.BlockListPort;
import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.application.port.out.MemberListPort;
import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.port.out.MentionStorePort;
import dev.parley.application.port.out.MessageHistoryPort;
import dev.parley.application.port.out.MessageSearchPort;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.application.port.out.MuteListPort;
import dev.parley.application.port.out.OwnerStepDownPort;
import dev.parley.application.port.out.PinnedMessagesPort;
import dev.parley.application.port.out.RateLimitPort;
import dev.parley.application.port.out.ReactionStorePort;
import dev.parley.application.port.out.ReadStatePort;
import dev.parley.application.port.out.RoomDirectoryPort;
import dev.parley.application.port.out.RoomSequencePort;
import dev.parley.application.port.out.RoomStorePort;
import dev.parley.application.port.out.RoomSubscriptionPort;
import dev.parley.application.port.out.StoreHealthPort;
import dev.parley.application.port.out.ThreadListPort;
import dev.parley.application.port.out.TypingPort;
import jakarta.inject.Singleton;
import java.util.Optional;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Binds every storage port to its DynamoDB adapter. Needs a {@link DynamoDbConfig} in the graph,
 * e.g. {@code DynamoDbConfig.fromEnvironment(System.getenv())} bound by the host's component; the
 * client is built once from it (explicit retries and timeouts), over the deployment's {@link
 * SdkHttpClient} if it binds one, else the URL-connection client. The adapters are
 * {@code @Singleton} classes, so an adapter behind two ports is one instance.
 */
@Module
public abstract class DynamoDbStoreModule {
  private DynamoDbStoreModule() {}

  /**
   * The HTTP client under the DynamoDB client when the deployment brings one: a pooled client on a
   * long-running server (Fargate). Without one, the light URL-connection client that suits a Lambda
   * cold start ({@link DynamoDbClients#httpClient}).
   */
  @BindsOptionalOf
  abstract SdkHttpClient httpClient();

  @Provides
  @Singleton
  static DynamoDbClient client(DynamoDbConfig config, Optional<SdkHttpClient> httpClient) {
    return DynamoDbClients.create(
        config, httpClient.orElseGet(() -> DynamoDbClients.httpClient(config.endpoint())));
  }

  @Provides
  @Singleton
  static DynamoDbStore store(DynamoDbClient client, DynamoDbConfig config) {
    return new DynamoDbStore(client, config.table());
  }

  @Binds
  abstract BanListPort banList(DynamoDbBanStoreAdapter adapter);

  @Binds
  abstract BanStorePort banStore(DynamoDbBanStoreAdapter adapter);

  @Binds
  abstract BlockCheckPort blockCheck(DynamoDbBlockListAdapter adapter);

  @Binds
  abstract BlockListPort blockList(DynamoDbBlockListAdapter adapter);

  @Binds
  abstract ConnectionRegistryPort connectionRegistry(DynamoDbConnectionAdapter adapter);

  @Binds
  abstract MemberListPort memberList(DynamoDbMembershipAdapter adapter);

  @Binds
  abstract MembershipStorePort membershipStore(DynamoDbMembershipAdapter adapter);

  @Binds
  abstract OwnerStepDownPort ownerStepDown(DynamoDbMembershipAdapter adapter);

  @Binds
  abstract MentionStorePort mentionStore(DynamoDbMentionStoreAdapter adapter);

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
  abstract MuteListPort muteList(DynamoDbMuteListAdapter adapter);

  @Binds
  abstract PinnedMessagesPort pinnedMessages(DynamoDbRoomListingsAdapter adapter);

  @Binds
  abstract RoomDirectoryPort roomDirectory(DynamoDbRoomDirectoryAdapter adapter);

  @Binds
  abstract RoomSequencePort roomSequence(DynamoDbMessageHistoryAdapter adapter);

  @Binds
  abstract ThreadListPort threadList(DynamoDbRoomListingsAdapter adapter);

  @Binds
  abstract RoomStorePort roomStore(DynamoDbRoomStoreAdapter adapter);

  @Binds
  abstract RoomSubscriptionPort roomSubscription(DynamoDbConnectionAdapter adapter);

  @Binds
  abstract StoreHealthPort storeHealth(DynamoDbStoreHealthAdapter adapter);

  @Binds
  abstract TypingPort typing(DynamoDbTypingAdapter adapter);
}
