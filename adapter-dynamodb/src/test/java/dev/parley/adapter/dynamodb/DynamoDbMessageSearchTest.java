package dev.parley.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.application.error.SearchUnavailableException;
import dev.parley.testkit.fixture.Ids;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB has no search index, so it does not run {@code MessageSearchPortContract}: it refuses
 * every search with a detail that says what to plug in.
 */
class DynamoDbMessageSearchTest {
  @Test
  void everySearchIsRefusedNamingTheExternalIndexItNeeds() {
    assertThatThrownBy(
            () ->
                new DynamoDbMessageSearchAdapter().search(Ids.room(), "deploy", Long.MAX_VALUE, 10))
        .isInstanceOf(SearchUnavailableException.class)
        .hasMessageContaining("OpenSearch")
        .hasMessageContaining("MessageSearchPort");
  }
}
