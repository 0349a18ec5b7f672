package dev.parley.adapter.dynamodb;

import dev.parley.application.port.out.BanListPort;
import dev.parley.application.port.out.BanStorePort;
import dev.parley.testkit.contract.BanListPortContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link BanListPort}'s contract against DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbBanListTest extends BanListPortContract {
  @Override
  protected BanListPort list() {
    return new DynamoDbBanStoreAdapter(LocalDynamoDb.store());
  }

  @Override
  protected BanStorePort bans() {
    return new DynamoDbBanStoreAdapter(LocalDynamoDb.store());
  }
}
