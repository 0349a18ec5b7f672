package dev.parley.application.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link CodePoints}. */
public final class CodePointsValidator implements ConstraintValidator<CodePoints, String> {
  private int min;
  private int max;

  @Override
  public void initialize(CodePoints annotation) {
    min = annotation.min();
    max = annotation.max();
  }

  @Override
  public boolean isValid(String text, ConstraintValidatorContext context) {
    if (text == null) {
      return true;
    }
    int length = text.codePointCount(0, text.length());
    return length >= min && length <= max;
  }
}
