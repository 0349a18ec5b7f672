package dev.parley.application.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An identifier (room, user, message, connection) as the domain accepts it: 1-128 characters, no
 * whitespace, no control characters, no '/', no characters outside the Basic Multilingual Plane.
 * Checked by the domain's own rule, so validation and value types never disagree. Null passes; add
 * {@code @NotNull} where the id is required.
 */
@Documented
@Constraint(validatedBy = IdValidator.class)
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Id {
  String message() default
      "must be an id of 1-128 visible characters without spaces or '/' (no emoji)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
