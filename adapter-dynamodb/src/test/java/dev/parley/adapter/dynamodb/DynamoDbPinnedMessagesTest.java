package dev.parley.adapter.dynamodb;

import dev.parley.application.port.out.MessageStorePort;
import dev.parley.application.port.out.PinnedMessagesPort;
import dev.parley.testkit.contract.PinnedMessagesPortContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link PinnedMessagesPort}'s contract against DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbPinnedMessagesTest extends PinnedMessagesPortContract {
  @Override
  protected PinnedMessagesPort pins() {
    return new DynamoDbRoomListingsAdapter(LocalDynamoDb.store());
  }

  @Override
  protected MessageStorePort messages() {
    return new DynamoDbMessageStoreAdapter(LocalDynamoDb.store());
  }
}
