package dev.parley.adapter.dynamodb;

import dev.parley.application.port.out.BanStorePort;
import dev.parley.testkit.contract.BanStorePortContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link BanStorePort}'s contract against DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbBanStoreAdapterTest extends BanStorePortContract {
  @Override
  protected BanStorePort bans() {
    return new DynamoDbBanStoreAdapter(LocalDynamoDb.store());
  }
}
