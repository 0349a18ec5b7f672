package dev.parley.archfixture.good.sample;

import dev.parley.archfixture.good.adapter.dynamodb.DynamoClockAdapter;
import dev.parley.archfixture.good.adapter.postgres.PostgresRoomStoreAdapter;
import dev.parley.archfixture.good.application.port.in.OpenRoomUseCase;
import dev.parley.archfixture.good.application.service.OpenRoomService;
import java.sql.Connection;

/** A composition root may wire several adapters together; it is not an adapter itself. */
public final class ChatApp {
  private ChatApp() {}

  public static OpenRoomUseCase wire(Connection connection) {
    new DynamoClockAdapter().now();
    return new OpenRoomService(new PostgresRoomStoreAdapter(connection));
  }
}
