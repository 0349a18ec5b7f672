package dev.parley.adapter.dynamodb;

import dev.parley.application.port.out.ReadStatePort;
import dev.parley.testkit.contract.ReadStatePortContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ReadStatePort}'s contract against DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbReadStateAdapterTest extends ReadStatePortContract {
  @Override
  protected ReadStatePort readState() {
    return new DynamoDbReadStateAdapter(LocalDynamoDb.store());
  }
}
