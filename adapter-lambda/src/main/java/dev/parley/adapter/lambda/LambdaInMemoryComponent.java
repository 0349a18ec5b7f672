package dev.parley.adapter.lambda;

import dagger.BindsInstance;
import dagger.Component;
import dev.parley.application.config.ChatSettings;
import dev.parley.application.service.UseCaseModule;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.testkit.InMemoryStoreModule;
import dev.parley.testkit.ValidationModule;
import jakarta.inject.Singleton;

/**
 * The Lambda runtime on the in-memory store, for tests and single-instance development: data lives
 * as long as one execution environment, and separate environments do not share it. Production
 * deployments use a component with the DynamoDB store module instead (in the application module,
 * since adapters do not depend on each other).
 */
@Singleton
@Component(
    modules = {
      LambdaModule.class,
      InMemoryStoreModule.class,
      UseCaseModule.class,
      ValidationModule.class
    })
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
