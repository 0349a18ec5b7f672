package dev.parley.domain.message;

/** The outcome of {@link MessageBody#check}: a valid body, or what is wrong with the text. */
public sealed interface BodyCheck permits BodyCheck.Valid, BodyCheck.Invalid {

  /** What can be wrong with a message text. */
  enum Problem {
    BLANK,
    TOO_LONG,
    CONTROL_CHARACTER,
    INVALID_UNICODE
  }

  record Valid(MessageBody body) implements BodyCheck {}

  record Invalid(Problem problem, String detail) implements BodyCheck {}
}
