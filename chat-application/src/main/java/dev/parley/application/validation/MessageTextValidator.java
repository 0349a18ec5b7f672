package dev.parley.application.validation;

import dev.parley.domain.message.BodyCheck;
import dev.parley.domain.message.MessageBody;
import dev.parley.domain.room.RoomSettings;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link MessageText} with the domain's body rules. */
public final class MessageTextValidator implements ConstraintValidator<MessageText, String> {
  @Override
  public boolean isValid(String text, ConstraintValidatorContext context) {
    if (text == null) {
      return true;
    }
    BodyCheck check = MessageBody.check(text, RoomSettings.HARD_MAX_MESSAGE_LENGTH);
    if (check instanceof BodyCheck.Invalid invalid) {
      context.disableDefaultConstraintViolation();
      // The detail is built by the domain and holds no '{' or '$', so it is safe as a template.
      context.buildConstraintViolationWithTemplate(invalid.detail()).addConstraintViolation();
      return false;
    }
    return true;
  }
}
