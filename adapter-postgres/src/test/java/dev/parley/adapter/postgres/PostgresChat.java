package dev.parley.adapter.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dagger.BindsInstance;
import dagger.Component;
import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.in.CreateRoomUseCase;
import dev.parley.application.port.in.PostMessageUseCase;
import dev.parley.application.port.out.ClockPort;
import dev.parley.application.port.out.IdGeneratorPort;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.application.port.out.StoreHealthPort;
import dev.parley.application.service.UseCaseModule;
import dev.parley.runtime.ValidationModule;
import dev.parley.testkit.InMemoryDeliveryModule;
import jakarta.inject.Singleton;

/** The chat core on {@link PostgresStoreModule}, for tests that go through the use cases. */
@Singleton
@Component(
    modules = {
      InMemoryDeliveryModule.class,
      PostgresStoreModule.class,
      UseCaseModule.class,
      ValidationModule.class
    })
interface PostgresChat {
  CreateRoomUseCase createRoom();

  PostMessageUseCase postMessage();

  MessageStorePort messages();

  StoreHealthPort health();

  HikariDataSource dataSource();

  /** Builds the component. */
  @Component.Factory
  interface Factory {
    PostgresChat create(
        @BindsInstance ChatSettings settings,
        @BindsInstance ClockPort clock,
        @BindsInstance IdGeneratorPort ids,
        @BindsInstance PostgresConfig config);
  }
}
