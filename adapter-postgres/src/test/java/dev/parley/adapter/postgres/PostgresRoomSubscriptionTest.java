package dev.parley.adapter.postgres;

import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.application.port.out.RoomSubscriptionPort;
import dev.parley.testkit.contract.RoomSubscriptionPortContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RoomSubscriptionPortContract} against PostgreSQL. */
class PostgresRoomSubscriptionTest extends RoomSubscriptionPortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected RoomSubscriptionPort subscriptions() {
    return new PostgresConnectionAdapter(DB.dataSource());
  }

  @Override
  protected ConnectionRegistryPort connections() {
    return new PostgresConnectionAdapter(DB.dataSource());
  }
}
