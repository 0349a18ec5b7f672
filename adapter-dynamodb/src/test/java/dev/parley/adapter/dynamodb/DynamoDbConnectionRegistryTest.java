package dev.parley.adapter.dynamodb;

import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.testkit.contract.ConnectionRegistryPortContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ConnectionRegistryPort}'s contract against DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbConnectionRegistryTest extends ConnectionRegistryPortContract {
  @Override
  protected ConnectionRegistryPort connections() {
    return new DynamoDbConnectionAdapter(LocalDynamoDb.store());
  }
}
