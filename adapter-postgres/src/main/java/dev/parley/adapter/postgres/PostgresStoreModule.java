package dev.parley.adapter.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dagger.Binds;
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
import javax.sql.DataSource;

/**
 * Binds every storage port (and rate limits and typing) to PostgreSQL: the shared store of a
 * multi-node deployment. Needs a {@link PostgresConfig} in the graph (for example
 * {@code @BindsInstance PostgresConfig}); opens one pool when the data source is first needed, and
 * applies the migrations then if the configuration says so ({@link PostgresConfig.Migrations}). The
 * component owner closes the {@link HikariDataSource} on shutdown. The adapters are
 * {@code @Singleton} classes, so an adapter behind two ports is one instance.
 */
@Module
public abstract class PostgresStoreModule {
  private PostgresStoreModule() {}

  @Provides
  @Singleton
  static HikariDataSource hikariDataSource(PostgresConfig config) {
    HikariDataSource dataSource = PostgresDataSources.create(config);
    if (config.migrations() != PostgresConfig.Migrations.AT_START) {
      return dataSource;
    }
    try {
      PostgresMigrations.migrate(dataSource);
    } catch (RuntimeException e) {
      // The pool keeps trying to connect in the background: a caller that retries would
      // otherwise leave one such pool behind per attempt.
      dataSource.close();
      throw e;
    }
    return dataSource;
  }

  @Binds
  abstract DataSource dataSource(HikariDataSource dataSource);

  @Binds
  abstract BanListPort banList(PostgresBanStoreAdapter adapter);

  @Binds
  abstract BanStorePort banStore(PostgresBanStoreAdapter adapter);

  @Binds
  abstract BlockCheckPort blockCheck(PostgresBlockListAdapter adapter);

  @Binds
  abstract BlockListPort blockList(PostgresBlockListAdapter adapter);

  @Binds
  abstract ConnectionRegistryPort connectionRegistry(PostgresConnectionAdapter adapter);

  @Binds
  abstract MemberListPort memberList(PostgresMembershipAdapter adapter);

  @Binds
  abstract MembershipStorePort membershipStore(PostgresMembershipAdapter adapter);

  @Binds
  abstract OwnerStepDownPort ownerStepDown(PostgresMembershipAdapter adapter);

  @Binds
  abstract MentionStorePort mentionStore(PostgresMentionStoreAdapter adapter);

  @Binds
  abstract MessageHistoryPort messageHistory(PostgresMessageHistoryAdapter adapter);

  @Binds
  abstract MessageStorePort messageStore(PostgresMessageStoreAdapter adapter);

  @Binds
  abstract MessageSearchPort messageSearch(PostgresMessageSearchAdapter adapter);

  @Binds
  abstract RateLimitPort rateLimit(PostgresRateLimitAdapter adapter);

  @Binds
  abstract ReactionStorePort reactionStore(PostgresReactionStoreAdapter adapter);

  @Binds
  abstract ReadStatePort readStatePort(PostgresReadStateAdapter adapter);

  @Binds
  abstract MuteListPort muteList(PostgresMuteListAdapter adapter);

  @Binds
  abstract PinnedMessagesPort pinnedMessages(PostgresRoomListingsAdapter adapter);

  @Binds
  abstract RoomDirectoryPort roomDirectory(PostgresRoomDirectoryAdapter adapter);

  @Binds
  abstract RoomSequencePort roomSequence(PostgresMessageHistoryAdapter adapter);

  @Binds
  abstract ThreadListPort threadList(PostgresRoomListingsAdapter adapter);

  @Binds
  abstract RoomStorePort roomStore(PostgresRoomStoreAdapter adapter);

  @Binds
  abstract RoomSubscriptionPort roomSubscription(PostgresConnectionAdapter adapter);

  @Binds
  abstract StoreHealthPort storeHealthPort(PostgresStoreHealthAdapter adapter);

  @Binds
  abstract TypingPort typingPort(PostgresTypingAdapter adapter);
}
