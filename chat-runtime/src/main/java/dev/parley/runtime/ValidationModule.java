package dev.parley.runtime;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;

/**
 * Provides the Jakarta {@link Validator} the use cases validate their commands with: the shared
 * Hibernate Validator of {@link HibernateValidation}. {@link CoreModule} includes it; a component
 * that binds its own clock and ids (tests) includes it on its own.
 */
@Module
public final class ValidationModule {
  private ValidationModule() {}

  @Provides
  @Singleton
  static Validator validator() {
    return HibernateValidation.validator();
  }
}
