package dev.parley.adapter.postgres;

import dev.parley.application.port.out.RoomDirectoryPort;
import dev.parley.application.port.out.RoomStorePort;
import dev.parley.testkit.contract.RoomDirectoryPortContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RoomDirectoryPortContract} against PostgreSQL. */
class PostgresRoomDirectoryTest extends RoomDirectoryPortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected RoomDirectoryPort directory() {
    return new PostgresRoomDirectoryAdapter(DB.dataSource());
  }

  @Override
  protected RoomStorePort rooms() {
    return new PostgresRoomStoreAdapter(DB.dataSource());
  }
}
