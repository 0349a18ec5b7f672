package dev.parley.application.error;

import java.util.List;

/** The input breaks one or more rules; every violation is listed, not only the first. */
public final class InvalidInputException extends ChatException {
  private final List<Violation> violations;

  public InvalidInputException(List<Violation> violations) {
    super(summary(violations));
    this.violations = List.copyOf(violations);
  }

  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(List.of(new Violation(field, message)));
  }

  public List<Violation> violations() {
    return violations;
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.INVALID_INPUT;
  }

  private static String summary(List<Violation> violations) {
    if (violations.size() == 1) {
      Violation v = violations.get(0);
      return v.field().isEmpty() ? v.message() : v.field() + ": " + v.message();
    }
    return violations.size() + " fields are invalid";
  }
}
