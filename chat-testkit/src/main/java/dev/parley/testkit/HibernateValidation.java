package dev.parley.testkit;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Hibernate Validator bootstrapped without an Expression Language implementation: messages
 * interpolate parameters such as {@code {max}} only, which is all the core's constraints use, and
 * saves the EL dependency and its start-up cost (Lambda cold starts).
 */
public final class HibernateValidation {
  private HibernateValidation() {}

  public static Validator validator() {
    return Validation.byProvider(HibernateValidator.class)
        .configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory()
        .getValidator();
  }
}
