package dev.parley.benchmarks.coldstart;

import dagger.BindsInstance;
import dagger.Component;
import dev.parley.adapter.lambda.LambdaConfig;
import dev.parley.adapter.lambda.LambdaInMemoryComponent;
import dev.parley.adapter.lambda.LambdaRuntime;
import dev.parley.application.service.UseCaseModule;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.testkit.InMemoryStoreModule;
import dev.parley.testkit.ValidationModule;
import jakarta.inject.Singleton;

/**
 * {@link LambdaInMemoryComponent} for the warm-invoke benchmark: the same modules, with {@link
 * WarmInvokeModule} in place of {@code LambdaModule} (per-user rate limits out of the way).
 */
@Singleton
@Component(
    modules = {
      WarmInvokeModule.class,
      InMemoryStoreModule.class,
      UseCaseModule.class,
      ValidationModule.class
    })
interface WarmInvokeComponent extends LambdaRuntime {

  static WarmInvokeComponent create(LambdaConfig config, JwtSettings jwt) {
    return DaggerWarmInvokeComponent.factory().create(config, jwt);
  }

  /** Builds the component from the configuration a deployment binds. */
  @Component.Factory
  interface Factory {
    WarmInvokeComponent create(@BindsInstance LambdaConfig config, @BindsInstance JwtSettings jwt);
  }
}
