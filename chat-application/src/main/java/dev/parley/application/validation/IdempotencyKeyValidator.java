package dev.parley.application.validation;

import dev.parley.domain.message.ClientMessageId;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link IdempotencyKey} with {@link ClientMessageId#isValid}. */
public final class IdempotencyKeyValidator implements ConstraintValidator<IdempotencyKey, String> {
  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return value == null || ClientMessageId.isValid(value);
  }
}
