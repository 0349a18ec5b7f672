package dev.parley.application.validation;

import dev.parley.application.error.InvalidInputException;
import dev.parley.application.error.Violation;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates commands and queries at the use-case boundary with Jakarta Validation. The {@link
 * Validator} is supplied by the edge (Hibernate Validator, bootstrapped without Expression
 * Language), so the core depends on the API only.
 */
@Singleton
public final class CommandValidator {
  private static final Pattern CONTAINER_ELEMENT = Pattern.compile("\\.<[^>]+>");

  private final Validator validator;

  @Inject
  public CommandValidator(Validator validator) {
    this.validator = validator;
  }

  /**
   * @throws InvalidInputException listing every violation, sorted by field, when there is any
   */
  public void validate(Object command) {
    if (command == null) {
      throw InvalidInputException.of("", "must not be null");
    }
    Set<ConstraintViolation<Object>> violations = validator.validate(command);
    if (!violations.isEmpty()) {
      List<Violation> list =
          violations.stream()
              .map(v -> new Violation(field(v), v.getMessage()))
              .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
              .toList();
      throw new InvalidInputException(list);
    }
  }

  /**
   * The field as a client names it: {@code invite[0]}, not Hibernate Validator's {@code
   * invite[0].<list element>}.
   */
  private static String field(ConstraintViolation<Object> violation) {
    return CONTAINER_ELEMENT.matcher(violation.getPropertyPath().toString()).replaceAll("");
  }
}
