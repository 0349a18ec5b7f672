package dev.parley.sample;

import dev.parley.adapter.dynamodb.DynamoDbConfig;
import dev.parley.deploy.fargate.DynamoDbTable;
import dev.parley.local.dynamodb.DynamoDbLocal;

/**
 * The DynamoDB table of a {@code --store=dynamodb} or {@code --store=dynamodb-local} deployment,
 * made ready before the deployment's component is built, whichever the runtime (Fargate or
 * lambda-local): for {@code dynamodb-local}, DynamoDB Local started (resolved with Maven on first
 * use) and the table created in it; for {@code dynamodb}, the table created when {@value
 * SampleConfig#ENV_DYNAMODB_CREATE_TABLE} is true, else checked to exist. The deployment closes its
 * own client, then this.
 *
 * @param config the table, with DynamoDB Local's endpoint for {@code dynamodb-local}
 * @param description the store for the banner
 * @param emulator the DynamoDB Local this started, stopped by {@link #close()}; null on a real
 *     table
 */
record SampleTable(DynamoDbConfig config, String description, DynamoDbLocal emulator)
    implements AutoCloseable {

  /**
   * Opens the table of a DynamoDB store.
   *
   * @throws IllegalStateException when the table is missing and may not be created
   * @throws RuntimeException from the AWS SDK when DynamoDB cannot be reached
   */
  static SampleTable open(SampleConfig config) {
    return switch (config.store()) {
      case DYNAMODB ->
          ready(
              config.dynamoDb(),
              config.createTable(),
              "DynamoDB store, table " + config.dynamoDb().table(),
              null);
      case DYNAMODB_LOCAL -> local(config);
      case MEMORY, POSTGRES ->
          throw new IllegalArgumentException(
              "--store=" + config.store().flag() + " has no DynamoDB table");
    };
  }

  private static SampleTable local(SampleConfig config) {
    DynamoDbLocal emulator = DynamoDbLocal.start(DynamoDbLocal.besideTheCodeOf(SampleTable.class));
    try {
      DynamoDbConfig local =
          DynamoDbConfig.of(
              config.dynamoDb().table(), config.dynamoDb().region(), emulator.endpoint());
      return ready(
          local,
          true,
          "DynamoDB Local at "
              + emulator.endpoint()
              + ", in memory, table "
              + local.table()
              + ", emulator pid "
              + emulator.pid(),
          emulator);
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  /** Creates or checks the table (deploy-fargate's {@link DynamoDbTable}). */
  private static SampleTable ready(
      DynamoDbConfig dynamoDb, boolean create, String description, DynamoDbLocal emulator) {
    return new SampleTable(DynamoDbTable.ready(dynamoDb, create), description, emulator);
  }

  /** Stops DynamoDB Local if this started it; the data goes with it. */
  @Override
  public void close() {
    if (emulator != null) {
      emulator.close();
    }
  }
}
