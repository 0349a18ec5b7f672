package dev.parley.adapter.dynamodb;

import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.port.out.MuteListPort;
import dev.parley.testkit.contract.MuteListPortContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link MuteListPort}'s contract against DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbMuteListTest extends MuteListPortContract {
  @Override
  protected MuteListPort mutes() {
    return new DynamoDbMuteListAdapter(LocalDynamoDb.store());
  }

  @Override
  protected MembershipStorePort memberships() {
    return new DynamoDbMembershipAdapter(LocalDynamoDb.store());
  }
}
