package dev.parley.adapter.dynamodb;

import dev.parley.application.port.out.RoomStorePort;
import dev.parley.testkit.contract.RoomStorePortContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link RoomStorePort}'s contract against DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbRoomStoreAdapterTest extends RoomStorePortContract {
  @Override
  protected RoomStorePort rooms() {
    return new DynamoDbRoomStoreAdapter(LocalDynamoDb.store());
  }
}
