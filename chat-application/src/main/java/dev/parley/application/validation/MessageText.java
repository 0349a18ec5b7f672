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
 * A message text that passes {@link dev.parley.domain.message.MessageBody#check} against the hard
 * ceiling, so body problems are reported together with the other violations of a command. The
 * room's own (lower) limit is checked once the room is loaded. Null passes.
 */
@Documented
@Constraint(validatedBy = MessageTextValidator.class)
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface MessageText {
  String message() default "is not a valid message text";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
