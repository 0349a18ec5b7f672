package dev.parley.adapter.inmemory;

import dagger.Binds;
import dagger.Module;
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

/**
 * Binds every storage port (and rate limits and typing) to its in-memory adapter: the embedded
 * store. Each adapter is a singleton of the component with an {@code @Inject} constructor, so this
 * module only binds. Event delivery is left to the runtime (a server binds its WebSocket delivery;
 * the testkit's {@code InMemoryDeliveryModule} records events for tests).
 */
@Module
public abstract class InMemoryStoreModule {
  private InMemoryStoreModule() {}

  @Binds
  abstract BanListPort banList(InMemoryBanStoreAdapter adapter);

  @Binds
  abstract BanStorePort banStore(InMemoryBanStoreAdapter adapter);

  @Binds
  abstract BlockCheckPort blockCheck(InMemoryBlockListAdapter adapter);

  @Binds
  abstract BlockListPort blockList(InMemoryBlockListAdapter adapter);

  @Binds
  abstract ConnectionRegistryPort connectionRegistry(InMemoryConnectionAdapter adapter);

  @Binds
  abstract MemberListPort memberList(InMemoryMembershipAdapter adapter);

  @Binds
  abstract MembershipStorePort membershipStore(InMemoryMembershipAdapter adapter);

  @Binds
  abstract OwnerStepDownPort ownerStepDown(InMemoryMembershipAdapter adapter);

  @Binds
  abstract MentionStorePort mentionStore(InMemoryMentionStoreAdapter adapter);

  @Binds
  abstract MessageHistoryPort messageHistory(InMemoryMessageStoreAdapter adapter);

  @Binds
  abstract MessageStorePort messageStore(InMemoryMessageStoreAdapter adapter);

  @Binds
  abstract MessageSearchPort messageSearch(InMemoryMessageSearchAdapter adapter);

  @Binds
  abstract RateLimitPort rateLimit(InMemoryRateLimitAdapter adapter);

  @Binds
  abstract ReactionStorePort reactionStore(InMemoryReactionStoreAdapter adapter);

  @Binds
  abstract ReadStatePort readStatePort(InMemoryReadStateAdapter adapter);

  @Binds
  abstract MuteListPort muteList(InMemoryMuteListAdapter adapter);

  @Binds
  abstract PinnedMessagesPort pinnedMessages(InMemoryMessageStoreAdapter adapter);

  @Binds
  abstract RoomSequencePort roomSequence(InMemoryMessageStoreAdapter adapter);

  @Binds
  abstract ThreadListPort threadList(InMemoryMessageStoreAdapter adapter);

  @Binds
  abstract RoomDirectoryPort roomDirectory(InMemoryRoomStoreAdapter adapter);

  @Binds
  abstract RoomStorePort roomStore(InMemoryRoomStoreAdapter adapter);

  @Binds
  abstract RoomSubscriptionPort roomSubscription(InMemoryConnectionAdapter adapter);

  @Binds
  abstract StoreHealthPort storeHealthPort(InMemoryStoreHealthAdapter adapter);

  @Binds
  abstract TypingPort typingPort(InMemoryTypingAdapter adapter);
}
