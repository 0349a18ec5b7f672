package dev.parley.adapter.dynamodb;

import dev.parley.application.port.out.MentionStorePort;
import dev.parley.testkit.contract.MentionStorePortContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link MentionStorePort}'s contract against DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbMentionStoreAdapterTest extends MentionStorePortContract {
  @Override
  protected MentionStorePort mentions() {
    return new DynamoDbMentionStoreAdapter(LocalDynamoDb.store());
  }
}
