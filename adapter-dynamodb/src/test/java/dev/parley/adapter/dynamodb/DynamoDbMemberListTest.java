package dev.parley.adapter.dynamodb;

import dev.parley.application.port.out.MemberListPort;
import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.testkit.contract.MemberListPortContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link MemberListPort}'s contract against DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbMemberListTest extends MemberListPortContract {
  @Override
  protected MemberListPort memberList() {
    return new DynamoDbMembershipAdapter(LocalDynamoDb.store());
  }

  @Override
  protected MembershipStorePort memberships() {
    return new DynamoDbMembershipAdapter(LocalDynamoDb.store());
  }
}
