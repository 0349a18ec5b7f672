package dev.parley.adapter.dynamodb;

import dev.parley.application.port.out.MessageHistoryPort;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.testkit.contract.MessageHistoryPortContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link MessageHistoryPort}'s contract against DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbMessageHistoryTest extends MessageHistoryPortContract {
  @Override
  protected MessageHistoryPort history() {
    return new DynamoDbMessageHistoryAdapter(LocalDynamoDb.store());
  }

  @Override
  protected MessageStorePort messages() {
    return new DynamoDbMessageStoreAdapter(LocalDynamoDb.store());
  }
}
