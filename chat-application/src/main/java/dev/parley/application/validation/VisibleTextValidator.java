package dev.parley.application.validation;

import dev.parley.domain.shared.Characters;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link VisibleText} with {@link Characters#isVisibleText}. */
public final class VisibleTextValidator implements ConstraintValidator<VisibleText, String> {
  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return value == null || Characters.isVisibleText(value);
  }
}
