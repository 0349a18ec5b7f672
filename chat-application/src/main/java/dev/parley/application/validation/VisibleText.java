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
 * A text people read (a room name, a topic, a ban reason): valid Unicode without control or format
 * characters, line breaks or spaces other than the ASCII one; with {@link #multiline} newline and
 * tab are allowed too. Checked by the domain's own rule ({@link
 * dev.parley.domain.shared.Characters}), so every store receives only what every store can keep.
 * Null passes.
 */
@Documented
@Constraint(validatedBy = VisibleTextValidator.class)
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface VisibleText {
  /** Whether newline and tab are allowed. */
  boolean multiline() default false;

  String message() default
      "must not contain control or invisible characters, or spaces other than ' '";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
