package dev.parley.archfixture.good.adapter.postgres;

import dev.parley.archfixture.good.application.port.out.RoomStorePort;
import dev.parley.archfixture.good.application.port.out.SaveResult;
import dev.parley.archfixture.good.domain.room.Room;
import dev.parley.archfixture.good.protocol.Routes;
import java.sql.Connection;

/** JDBC is fine in an adapter; it uses protocol, application and domain, no other adapter. */
public final class PostgresRoomStoreAdapter extends JdbcAdapterBase implements RoomStorePort {
  public PostgresRoomStoreAdapter(Connection connection) {
    super(connection);
  }

  @Override
  public SaveResult save(Room room) {
    return new SaveResult.Saved(room);
  }

  public String route() {
    return Routes.ROOMS;
  }
}
