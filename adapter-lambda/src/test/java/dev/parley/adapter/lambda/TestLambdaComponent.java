package dev.parley.adapter.lambda;

import dagger.BindsInstance;
import dagger.Component;
import dev.parley.adapter.inmemory.InMemoryStoreModule;
import dev.parley.application.config.ChatSettings;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.runtime.CoreModule;
import jakarta.inject.Singleton;

/**
 * The Lambda runtime on the in-memory store, for this module's tests: the handlers need a
 * component, and the in-memory store is the one that needs no service.
 */
@Singleton
@Component(modules = {CoreModule.class, InMemoryStoreModule.class, LambdaModule.class})
public interface TestLambdaComponent extends LambdaRuntime {

  /** A component with the default {@link ChatSettings}. */
  static TestLambdaComponent create(LambdaConfig config, JwtSettings jwt) {
    return create(config, jwt, ChatSettings.DEFAULTS);
  }

  static TestLambdaComponent create(LambdaConfig config, JwtSettings jwt, ChatSettings settings) {
    return DaggerTestLambdaComponent.factory().create(config, jwt, settings);
  }

  /** Builds the component from the deployment's configuration values. */
  @Component.Factory
  interface Factory {
    TestLambdaComponent create(
        @BindsInstance LambdaConfig config,
        @BindsInstance JwtSettings jwt,
        @BindsInstance ChatSettings settings);
  }
}
