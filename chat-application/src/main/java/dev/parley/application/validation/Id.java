package dev.parley.application.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An identifier (room, user, message, connection): 1-128 characters, no whitespace, no control
 * characters, no '/'. Null passes; add {@code @NotNull} where the id is required.
 */
@Documented
@Constraint(validatedBy = {})
@Size(min = 1, max = 128)
@Pattern(regexp = "[^\\s/\\p{Cntrl}\\p{Cs}]+")
@ReportAsSingleViolation
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Id {
  String message() default "must be an id of 1-128 visible characters without '/'";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
