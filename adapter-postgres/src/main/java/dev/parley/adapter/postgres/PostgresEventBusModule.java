package dev.parley.adapter.postgres;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.parley.application.port.out.EventDeliveryPort;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * Binds {@link EventDeliveryPort} to the {@link PostgresEventBusAdapter}, which decorates this
 * node's own delivery: the component provides that as {@code @Named(PostgresEventBusModule.LOCAL)
 * EventDeliveryPort} (a Fargate node binds it to its WebSocket delivery), next to {@link
 * PostgresStoreModule}. The bus's listener starts when the bus is first provided; the component
 * owner closes it on shutdown, before the data source.
 */
@Module
public abstract class PostgresEventBusModule {
  /** The name of this node's own delivery. */
  public static final String LOCAL = "local";

  private PostgresEventBusModule() {}

  @Provides
  @Singleton
  static PostgresEventBusAdapter eventBus(
      PostgresConfig config, DataSource dataSource, @Named(LOCAL) EventDeliveryPort local) {
    PostgresEventBusAdapter bus = new PostgresEventBusAdapter(config, dataSource, local);
    bus.start();
    return bus;
  }

  @Binds
  abstract EventDeliveryPort delivery(PostgresEventBusAdapter bus);
}
