package dev.parley.deploy.lambda;

import dagger.BindsInstance;
import dagger.Component;
import dev.parley.adapter.inmemory.InMemoryStoreModule;
import dev.parley.adapter.lambda.LambdaConfig;
import dev.parley.adapter.lambda.LambdaModule;
import dev.parley.adapter.lambda.LambdaRuntime;
import dev.parley.application.config.ChatSettings;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.runtime.CoreModule;
import jakarta.inject.Singleton;

/**
 * The Lambda handlers on the in-memory store, for {@code --runtime=lambda-local --store=memory}:
 * data lives as long as the process. AWS runs the deploy-lambda module's DynamoDB component
 * instead.
 */
@Singleton
@Component(modules = {CoreModule.class, InMemoryStoreModule.class, LambdaModule.class})
public interface LambdaInMemoryComponent extends LambdaRuntime {

  /** A component configured from the function's environment variables. */
  static LambdaInMemoryComponent fromEnvironment() {
    return create(
        LambdaConfig.fromEnvironment(System.getenv()),
        JwtSettings.fromEnvironment(System.getenv()));
  }

  /** A component with the default {@link ChatSettings}. */
  static LambdaInMemoryComponent create(LambdaConfig config, JwtSettings jwt) {
    return create(config, jwt, ChatSettings.DEFAULTS);
  }

  static LambdaInMemoryComponent create(
      LambdaConfig config, JwtSettings jwt, ChatSettings settings) {
    return DaggerLambdaInMemoryComponent.factory().create(config, jwt, settings);
  }

  /** Builds the component from the deployment's configuration values. */
  @Component.Factory
  interface Factory {
    LambdaInMemoryComponent create(
        @BindsInstance LambdaConfig config,
        @BindsInstance JwtSettings jwt,
        @BindsInstance ChatSettings settings);
  }
}
