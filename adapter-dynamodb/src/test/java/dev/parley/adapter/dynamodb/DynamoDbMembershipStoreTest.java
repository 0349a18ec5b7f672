package dev.parley.adapter.dynamodb;

import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.testkit.contract.MembershipStorePortContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link MembershipStorePort}'s contract against DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbMembershipStoreTest extends MembershipStorePortContract {
  @Override
  protected MembershipStorePort memberships() {
    return new DynamoDbMembershipAdapter(LocalDynamoDb.store());
  }
}
