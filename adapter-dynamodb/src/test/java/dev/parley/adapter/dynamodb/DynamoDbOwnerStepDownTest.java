package dev.parley.adapter.dynamodb;

import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.port.out.OwnerStepDownPort;
import dev.parley.testkit.contract.OwnerStepDownPortContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link OwnerStepDownPortContract} against DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbOwnerStepDownTest extends OwnerStepDownPortContract {
  @Override
  protected MembershipStorePort memberships() {
    return new DynamoDbMembershipAdapter(LocalDynamoDb.store());
  }

  @Override
  protected OwnerStepDownPort stepDown() {
    return new DynamoDbMembershipAdapter(LocalDynamoDb.store());
  }
}
