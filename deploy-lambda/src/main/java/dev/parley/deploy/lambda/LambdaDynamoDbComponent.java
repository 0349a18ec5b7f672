package dev.parley.deploy.lambda;

import dagger.BindsInstance;
import dagger.Component;
import dev.parley.adapter.dynamodb.DynamoDbConfig;
import dev.parley.adapter.dynamodb.DynamoDbStoreModule;
import dev.parley.adapter.lambda.LambdaConfig;
import dev.parley.adapter.lambda.LambdaModule;
import dev.parley.adapter.lambda.LambdaRuntime;
import dev.parley.application.config.ChatSettings;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.runtime.CoreModule;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The "Lambda on DynamoDB" deployment: the handlers of adapter-lambda on the single table of
 * adapter-dynamodb. Built once per execution environment by {@link DynamoDbLambda}.
 */
@Singleton
@Component(modules = {CoreModule.class, DynamoDbStoreModule.class, LambdaModule.class})
public interface LambdaDynamoDbComponent extends LambdaRuntime {

  /** A component configured from the function's environment variables. */
  static LambdaDynamoDbComponent fromEnvironment() {
    return create(
        LambdaConfig.fromEnvironment(System.getenv()),
        JwtSettings.fromEnvironment(System.getenv()),
        DynamoDbConfig.fromEnvironment(System.getenv()));
  }

  static LambdaDynamoDbComponent create(
      LambdaConfig config, JwtSettings jwt, DynamoDbConfig dynamoDb) {
    return DaggerLambdaDynamoDbComponent.factory()
        .create(config, jwt, ChatSettings.DEFAULTS, dynamoDb);
  }

  /** The one DynamoDB client of this execution environment; lambda-local closes it on shutdown. */
  DynamoDbClient client();

  /** Builds the component from the deployment's configuration values. */
  @Component.Factory
  interface Factory {
    LambdaDynamoDbComponent create(
        @BindsInstance LambdaConfig config,
        @BindsInstance JwtSettings jwt,
        @BindsInstance ChatSettings settings,
        @BindsInstance DynamoDbConfig dynamoDb);
  }
}
