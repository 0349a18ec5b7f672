package dev.parley.adapter.dynamodb;

import dev.parley.application.port.out.StoreHealthPort;
import dev.parley.testkit.contract.StoreHealthPortContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link StoreHealthPort}'s contract against DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbStoreHealthAdapterTest extends StoreHealthPortContract {
  @Override
  protected StoreHealthPort health() {
    return new DynamoDbStoreHealthAdapter(LocalDynamoDb.store());
  }
}
