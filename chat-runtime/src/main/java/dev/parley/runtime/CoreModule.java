package dev.parley.runtime;

import dagger.Binds;
import dagger.Module;
import dev.parley.application.port.out.ClockPort;
import dev.parley.application.port.out.IdGeneratorPort;
import dev.parley.application.service.UseCaseModule;

/**
 * The production wiring of the core, included once by every deployment's component: every use case
 * ({@link UseCaseModule}), the validator ({@link ValidationModule}), the system clock and UUIDv7
 * ids. A component adds its runtime's module and a store module, and binds its settings in its
 * factory.
 */
@Module(includes = {UseCaseModule.class, ValidationModule.class})
public abstract class CoreModule {
  private CoreModule() {}

  @Binds
  abstract ClockPort clock(SystemClockAdapter clock);

  @Binds
  abstract IdGeneratorPort ids(UuidV7IdGeneratorAdapter ids);
}
