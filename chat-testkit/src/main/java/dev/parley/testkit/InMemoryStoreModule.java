package dev.parley.testkit;

import dagger.Binds;
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
import dev.parley.testkit.adapter.InMemoryBanStoreAdapter;
import dev.parley.testkit.adapter.InMemoryConnectionAdapter;
import dev.parley.testkit.adapter.InMemoryMembershipAdapter;
import dev.parley.testkit.adapter.InMemoryMessageStoreAdapter;
import dev.parley.testkit.adapter.InMemoryRateLimitAdapter;
import dev.parley.testkit.adapter.InMemoryReactionStoreAdapter;
import dev.parley.testkit.adapter.InMemoryReadStateAdapter;
import dev.parley.testkit.adapter.InMemoryRoomStoreAdapter;
import dev.parley.testkit.adapter.InMemoryStoreHealthAdapter;
import dev.parley.testkit.adapter.InMemoryTypingAdapter;
import jakarta.inject.Singleton;

/**
 * Binds every storage port (and rate limits and typing) to its in-memory adapter: the embedded
 * store. Event delivery is left to the runtime ({@link InMemoryDeliveryModule} records events for
 * tests; a server binds its WebSocket delivery), and the clock and ids to the component.
 */
@Module
public abstract class InMemoryStoreModule {
  private InMemoryStoreModule() {}

  @Provides
  @Singleton
  static InMemoryBanStoreAdapter bans() {
    return new InMemoryBanStoreAdapter();
  }

  @Provides
  @Singleton
  static InMemoryConnectionAdapter connections() {
    return new InMemoryConnectionAdapter();
  }

  @Provides
  @Singleton
  static InMemoryMembershipAdapter memberships() {
    return new InMemoryMembershipAdapter();
  }

  @Provides
  @Singleton
  static InMemoryMessageStoreAdapter messages() {
    return new InMemoryMessageStoreAdapter();
  }

  @Provides
  @Singleton
  static InMemoryRateLimitAdapter rateLimits() {
    return new InMemoryRateLimitAdapter();
  }

  @Provides
  @Singleton
  static InMemoryReactionStoreAdapter reactions() {
    return new InMemoryReactionStoreAdapter();
  }

  @Provides
  @Singleton
  static InMemoryReadStateAdapter readState() {
    return new InMemoryReadStateAdapter();
  }

  @Provides
  @Singleton
  static InMemoryRoomStoreAdapter rooms() {
    return new InMemoryRoomStoreAdapter();
  }

  @Provides
  @Singleton
  static InMemoryStoreHealthAdapter storeHealth() {
    return new InMemoryStoreHealthAdapter();
  }

  @Provides
  @Singleton
  static InMemoryTypingAdapter typing() {
    return new InMemoryTypingAdapter();
  }

  @Binds
  abstract BanStorePort banStore(InMemoryBanStoreAdapter adapter);

  @Binds
  abstract ConnectionRegistryPort connectionRegistry(InMemoryConnectionAdapter adapter);

  @Binds
  abstract MemberListPort memberList(InMemoryMembershipAdapter adapter);

  @Binds
  abstract MembershipStorePort membershipStore(InMemoryMembershipAdapter adapter);

  @Binds
  abstract MessageHistoryPort messageHistory(InMemoryMessageStoreAdapter adapter);

  @Binds
  abstract MessageStorePort messageStore(InMemoryMessageStoreAdapter adapter);

  @Binds
  abstract RateLimitPort rateLimit(InMemoryRateLimitAdapter adapter);

  @Binds
  abstract ReactionStorePort reactionStore(InMemoryReactionStoreAdapter adapter);

  @Binds
  abstract ReadStatePort readStatePort(InMemoryReadStateAdapter adapter);

  @Binds
  abstract RoomSequencePort roomSequence(InMemoryMessageStoreAdapter adapter);

  @Binds
  abstract RoomStorePort roomStore(InMemoryRoomStoreAdapter adapter);

  @Binds
  abstract RoomSubscriptionPort roomSubscription(InMemoryConnectionAdapter adapter);

  @Binds
  abstract StoreHealthPort storeHealthPort(InMemoryStoreHealthAdapter adapter);

  @Binds
  abstract TypingPort typingPort(InMemoryTypingAdapter adapter);
}
