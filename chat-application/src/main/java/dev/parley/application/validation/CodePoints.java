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
 * A text whose length in Unicode code points is within bounds. Unlike {@code @Size}, an emoji
 * counts as one, not as two UTF-16 units, matching how the domain counts. Null passes.
 */
@Documented
@Constraint(validatedBy = CodePointsValidator.class)
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface CodePoints {
  int min() default 0;

  int max();

  String message() default "length must be between {min} and {max} characters";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
