package dev.parley.adapter.dynamodb;

import dev.parley.application.port.out.RateLimitPort;
import dev.parley.testkit.contract.RateLimitPortContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link RateLimitPort}'s contract against DynamoDB Local. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbRateLimitAdapterTest extends RateLimitPortContract {
  @Override
  protected RateLimitPort rateLimit() {
    return new DynamoDbRateLimitAdapter(LocalDynamoDb.store());
  }
}
