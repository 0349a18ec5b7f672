package dev.parley.adapter.dynamodb;

import dev.parley.application.port.out.MessageStorePort;
import dev.parley.application.port.out.ThreadListPort;
import dev.parley.testkit.contract.ThreadListPortContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ThreadListPort}'s contract against DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbThreadListTest extends ThreadListPortContract {
  @Override
  protected ThreadListPort threads() {
    return new DynamoDbRoomListingsAdapter(LocalDynamoDb.store());
  }

  @Override
  protected MessageStorePort messages() {
    return new DynamoDbMessageStoreAdapter(LocalDynamoDb.store());
  }
}
