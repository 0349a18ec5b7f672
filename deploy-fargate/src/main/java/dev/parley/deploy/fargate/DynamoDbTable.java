package dev.parley.deploy.fargate;

import dev.parley.adapter.dynamodb.DynamoDbClients;
import dev.parley.adapter.dynamodb.DynamoDbConfig;
import dev.parley.adapter.dynamodb.DynamoDbTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Makes a deployment's DynamoDB table ready before the component opens its own client. */
public final class DynamoDbTable {
  private DynamoDbTable() {}

  /**
   * Creates the table if {@code create} (development), else checks that it exists; with a client of
   * its own, closed before the deployment's opens.
   *
   * @return {@code table}, for chaining
   * @throws IllegalStateException when the table is missing and may not be created
   * @throws RuntimeException from the AWS SDK when DynamoDB cannot be reached
   */
  public static DynamoDbConfig ready(DynamoDbConfig table, boolean create) {
    try (DynamoDbClient client = DynamoDbClients.create(table)) {
      if (create) {
        DynamoDbTables.create(client, table.table());
      } else {
        requireTable(client, table);
      }
    }
    return table;
  }

  /** Fails with a message saying what to do when the table is missing. */
  private static void requireTable(DynamoDbClient client, DynamoDbConfig table) {
    try {
      client.describeTable(b -> b.tableName(table.table()));
    } catch (ResourceNotFoundException e) {
      throw new IllegalStateException(
          "table '"
              + table.table()
              + "' does not exist in "
              + (table.endpoint() == null ? table.region() : table.endpoint())
              + ": create it with your infrastructure code (definition: DynamoDbTables), or set "
              + FargateSettings.ENV_DYNAMODB_CREATE_TABLE
              + "=true to create it at start (development)",
          e);
    }
  }
}
