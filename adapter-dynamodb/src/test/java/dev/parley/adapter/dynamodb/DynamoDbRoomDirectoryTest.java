package dev.parley.adapter.dynamodb;

import dev.parley.application.port.out.RoomDirectoryPort;
import dev.parley.application.port.out.RoomStorePort;
import dev.parley.testkit.contract.RoomDirectoryPortContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link RoomDirectoryPort}'s contract against DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbRoomDirectoryTest extends RoomDirectoryPortContract {
  @Override
  protected RoomDirectoryPort directory() {
    return new DynamoDbRoomDirectoryAdapter(LocalDynamoDb.store());
  }

  @Override
  protected RoomStorePort rooms() {
    return new DynamoDbRoomStoreAdapter(LocalDynamoDb.store());
  }
}
