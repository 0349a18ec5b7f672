package dev.parley.adapter.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The single table's definition, and a helper that creates it for tests and local development
 * (production tables belong in infrastructure code, with the same definition).
 *
 * <ul>
 *   <li>Primary key: {@code pk} (S, partition) and {@code sk} (S, sort).
 *   <li>{@value #GSI1}: {@code gsi1pk}/{@code gsi1sk}, projecting all attributes; sparse, only
 *       memberships ("my rooms"), connections (by user) and replies (by thread) carry them.
 *   <li>TTL on {@code ttl} (epoch seconds) for connections, typing notices and rate-limit windows.
 *       TTL deletes late, so reads filter expired items themselves.
 *   <li>On-demand billing.
 * </ul>
 */
public final class DynamoDbTables {
  /** The one global secondary index. */
  public static final String GSI1 = "gsi1";

  private DynamoDbTables() {}

  /** The table's definition. */
  public static CreateTableRequest definition(String tableName) {
    return CreateTableRequest.builder()
        .tableName(tableName)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            string(Items.PK), string(Items.SK), string(Items.GSI1_PK), string(Items.GSI1_SK))
        .keySchema(hash(Items.PK), range(Items.SK))
        .globalSecondaryIndexes(
            GlobalSecondaryIndex.builder()
                .indexName(GSI1)
                .keySchema(hash(Items.GSI1_PK), range(Items.GSI1_SK))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build())
        .build();
  }

  /** Creates the table unless it exists, waits until it is active and turns TTL on. Idempotent. */
  public static void create(DynamoDbClient client, String tableName) {
    try {
      client.createTable(definition(tableName));
    } catch (ResourceInUseException alreadyThere) {
      // Created before (or concurrently): the definition is fixed, so nothing else to do here.
    }
    client.waiter().waitUntilTableExists(b -> b.tableName(tableName));
    TimeToLiveStatus ttl =
        client
            .describeTimeToLive(b -> b.tableName(tableName))
            .timeToLiveDescription()
            .timeToLiveStatus();
    if (ttl == TimeToLiveStatus.ENABLED || ttl == TimeToLiveStatus.ENABLING) {
      return;
    }
    client.updateTimeToLive(
        b ->
            b.tableName(tableName)
                .timeToLiveSpecification(s -> s.attributeName(Items.TTL).enabled(true)));
  }

  private static AttributeDefinition string(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement hash(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
  }

  private static KeySchemaElement range(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
  }
}
