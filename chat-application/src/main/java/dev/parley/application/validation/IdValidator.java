package dev.parley.application.validation;

import dev.parley.domain.shared.Identifiers;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link Id} with {@link Identifiers#isValid}. */
public final class IdValidator implements ConstraintValidator<Id, String> {
  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return value == null || Identifiers.isValid(value);
  }
}
