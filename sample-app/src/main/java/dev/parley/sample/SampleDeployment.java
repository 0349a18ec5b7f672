package dev.parley.sample;

import dev.parley.application.config.ChatSettings;
import dev.parley.deploy.fargate.FargateDeployment;

/**
 * The sample's Fargate deployment of the store its configuration selects: deploy-fargate's, plus
 * {@code --store=dynamodb-local}, which starts DynamoDB Local first ({@link SampleTable}) and stops
 * it after the server.
 */
final class SampleDeployment {
  private SampleDeployment() {}

  /**
   * Builds the component of the selected store. For PostgreSQL this connects and applies the
   * migrations, so it fails (with the driver's exception) when the database cannot be reached. For
   * DynamoDB, {@link SampleTable} makes the table ready first (and starts DynamoDB Local for {@code
   * dynamodb-local}).
   */
  static FargateDeployment of(SampleConfig config) {
    return switch (config.store()) {
      case MEMORY ->
          FargateDeployment.inMemory(config.server(), config.jwt(), ChatSettings.DEFAULTS);
      case POSTGRES ->
          FargateDeployment.onPostgres(
              config.server(),
              config.jwt(),
              ChatSettings.DEFAULTS,
              config.postgres(),
              config.bus());
      case DYNAMODB, DYNAMODB_LOCAL -> {
        SampleTable table = SampleTable.open(config);
        yield FargateDeployment.onDynamoDb(
            config.server(),
            config.jwt(),
            ChatSettings.DEFAULTS,
            table.config(),
            table.description(),
            table,
            config.bus());
      }
    };
  }
}
