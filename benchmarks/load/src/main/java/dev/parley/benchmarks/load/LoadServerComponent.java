package dev.parley.benchmarks.load;

import dagger.BindsInstance;
import dagger.Component;
import dev.parley.adapter.fargate.ChatServer;
import dev.parley.adapter.fargate.FargateModule;
import dev.parley.adapter.fargate.FargateServerConfig;
import dev.parley.adapter.fargate.JettyWebSocketDeliveryAdapter;
import dev.parley.adapter.inmemory.InMemoryStoreModule;
import dev.parley.application.service.UseCaseModule;
import dev.parley.runtime.ValidationModule;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationTargetException;

/**
 * The Fargate node under load: the Jetty server of {@code adapter-fargate} in front of every use
 * case, on the in-memory store of {@code chat-testkit}, wired by Dagger the way a deployment (and
 * {@code adapter-fargate}'s test server) wires it.
 */
@Singleton
@Component(
    modules = {
      FargateModule.class,
      InMemoryStoreModule.class,
      UseCaseModule.class,
      ValidationModule.class,
      LoadServerModule.class
    })
interface LoadServerComponent {
  String GENERATED = "dev.parley.benchmarks.load.DaggerLoadServerComponent";

  ChatServer server();

  JettyWebSocketDeliveryAdapter delivery();

  /**
   * Builds the component for {@code config}.
   *
   * <p>{@code DaggerLoadServerComponent} is looked up by name because dagger-compiler only runs in
   * this module when benchmarks/load/pom.xml lists it in {@code annotationProcessorPaths} (next to
   * JMH's generator); without it the module still compiles, and this fails with a message saying
   * so. Once the pom has it, this can become {@code
   * DaggerLoadServerComponent.factory().create(config)}.
   */
  static LoadServerComponent create(FargateServerConfig config) {
    try {
      Object factory = Class.forName(GENERATED).getMethod("factory").invoke(null);
      return ((Factory) factory).create(config);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          GENERATED
              + " is missing: dagger-compiler did not run on benchmarks-load (add it to"
              + " annotationProcessorPaths in benchmarks/load/pom.xml, or see docs/benchmarks.md)",
          e);
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalStateException("unexpected Dagger output in " + GENERATED, e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("could not create the component", e.getCause());
    }
  }

  /** Builds the component from the server's address and drain timeout. */
  @Component.Factory
  interface Factory {
    LoadServerComponent create(@BindsInstance FargateServerConfig config);
  }
}
