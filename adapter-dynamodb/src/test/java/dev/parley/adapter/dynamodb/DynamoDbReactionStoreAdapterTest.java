package dev.parley.adapter.dynamodb;

import dev.parley.application.port.out.ReactionStorePort;
import dev.parley.testkit.contract.ReactionStorePortContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ReactionStorePort}'s contract against DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbReactionStoreAdapterTest extends ReactionStorePortContract {
  @Override
  protected ReactionStorePort reactions() {
    return new DynamoDbReactionStoreAdapter(LocalDynamoDb.store());
  }
}
