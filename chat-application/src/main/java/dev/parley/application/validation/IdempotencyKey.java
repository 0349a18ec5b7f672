package dev.parley.application.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A client message id as the domain accepts it ({@link
 * dev.parley.domain.message.ClientMessageId#isValid}): 1-64 characters, not blank, visible text.
 * Null passes: the key is optional.
 */
@Documented
@Constraint(validatedBy = IdempotencyKeyValidator.class)
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface IdempotencyKey {
  String message() default
      "must be 1-64 characters, not blank, without control or invisible characters";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
