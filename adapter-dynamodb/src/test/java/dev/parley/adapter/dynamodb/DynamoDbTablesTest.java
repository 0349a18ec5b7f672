package dev.parley.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** The table helper against DynamoDB Local, on tables of its own. */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbTablesTest {
  private final DynamoDbClient client = LocalDynamoDb.store().client();

  @Test
  void createsTheTableWithItsIndexAndTurnsTtlOnIdempotently() {
    String table = "tables-test-" + UUID.randomUUID();

    DynamoDbTables.create(client, table);
    DynamoDbTables.create(client, table);

    TableDescription description = client.describeTable(b -> b.tableName(table)).table();
    assertThat(description.keySchema())
        .extracting(k -> k.attributeName())
        .containsExactly(Items.PK, Items.SK);
    assertThat(description.globalSecondaryIndexes())
        .extracting(i -> i.indexName())
        .containsExactly(DynamoDbTables.GSI1);
    TimeToLiveDescription ttl =
        client.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(ttl.attributeName()).isEqualTo(Items.TTL);
  }
}
