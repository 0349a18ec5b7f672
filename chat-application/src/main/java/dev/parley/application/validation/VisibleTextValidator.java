package dev.parley.application.validation;

import dev.parley.domain.shared.Characters;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link VisibleText} with the rules of {@link Characters}. */
public final class VisibleTextValidator implements ConstraintValidator<VisibleText, String> {
  private boolean multiline;

  @Override
  public void initialize(VisibleText annotation) {
    multiline = annotation.multiline();
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    return multiline ? Characters.isVisibleMultilineText(value) : Characters.isVisibleText(value);
  }
}
