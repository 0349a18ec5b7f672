package dev.parley.adapter.dynamodb;

import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.application.port.out.RoomSubscriptionPort;
import dev.parley.testkit.contract.RoomSubscriptionPortContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link RoomSubscriptionPort}'s contract against DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbRoomSubscriptionTest extends RoomSubscriptionPortContract {
  @Override
  protected RoomSubscriptionPort subscriptions() {
    return new DynamoDbConnectionAdapter(LocalDynamoDb.store());
  }

  @Override
  protected ConnectionRegistryPort connections() {
    return new DynamoDbConnectionAdapter(LocalDynamoDb.store());
  }
}
