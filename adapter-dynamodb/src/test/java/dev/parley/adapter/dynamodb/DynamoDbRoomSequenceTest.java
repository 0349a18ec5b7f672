package dev.parley.adapter.dynamodb;

import dev.parley.application.port.out.MessageStorePort;
import dev.parley.application.port.out.RoomSequencePort;
import dev.parley.testkit.contract.RoomSequencePortContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link RoomSequencePort}'s contract against DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbRoomSequenceTest extends RoomSequencePortContract {
  @Override
  protected RoomSequencePort sequences() {
    return new DynamoDbMessageHistoryAdapter(LocalDynamoDb.store());
  }

  @Override
  protected MessageStorePort messages() {
    return new DynamoDbMessageStoreAdapter(LocalDynamoDb.store());
  }
}
