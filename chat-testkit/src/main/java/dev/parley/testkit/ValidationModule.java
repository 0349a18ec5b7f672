package dev.parley.testkit;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;

/** Provides the Jakarta {@link Validator} the use cases validate their commands with. */
@Module
public final class ValidationModule {
  private ValidationModule() {}

  @Provides
  @Singleton
  static Validator validator() {
    return HibernateValidation.validator();
  }
}
