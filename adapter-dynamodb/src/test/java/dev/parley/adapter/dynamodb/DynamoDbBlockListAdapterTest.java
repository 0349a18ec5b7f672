package dev.parley.adapter.dynamodb;

import dev.parley.application.port.out.BlockCheckPort;
import dev.parley.application.port.out.BlockListPort;
import dev.parley.testkit.contract.BlockListPortContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link BlockListPort}'s and {@link BlockCheckPort}'s contract against DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbBlockListAdapterTest extends BlockListPortContract {
  private DynamoDbBlockListAdapter adapter;

  private DynamoDbBlockListAdapter adapter() {
    if (adapter == null) {
      adapter = new DynamoDbBlockListAdapter(LocalDynamoDb.store());
    }
    return adapter;
  }

  @Override
  protected BlockListPort blockList() {
    return adapter();
  }

  @Override
  protected BlockCheckPort blockCheck() {
    return adapter();
  }
}
