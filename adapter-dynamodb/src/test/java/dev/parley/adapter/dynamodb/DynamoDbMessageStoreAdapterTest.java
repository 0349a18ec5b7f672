package dev.parley.adapter.dynamodb;

import dev.parley.application.port.out.MessageStorePort;
import dev.parley.testkit.contract.MessageStorePortContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link MessageStorePort}'s contract against DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbMessageStoreAdapterTest extends MessageStorePortContract {
  @Override
  protected MessageStorePort messages() {
    return new DynamoDbMessageStoreAdapter(LocalDynamoDb.store());
  }
}
