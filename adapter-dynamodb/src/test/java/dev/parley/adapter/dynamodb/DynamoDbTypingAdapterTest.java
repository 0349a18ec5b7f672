package dev.parley.adapter.dynamodb;

import dev.parley.application.port.out.TypingPort;
import dev.parley.testkit.contract.TypingPortContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link TypingPort}'s contract against DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbTypingAdapterTest extends TypingPortContract {
  @Override
  protected TypingPort typing() {
    return new DynamoDbTypingAdapter(LocalDynamoDb.store());
  }
}
