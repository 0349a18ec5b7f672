package dev.parley.runtime;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Hibernate Validator bootstrapped without an Expression Language implementation: messages
 * interpolate parameters such as {@code {max}} only, which is all the core's constraints use, and
 * saves the EL dependency and its start-up cost (Lambda cold starts). Constraints are the
 * annotations on the commands: {@code META-INF/validation.xml} is not read.
 *
 * <p>One validator per JVM: a validator factory is thread-safe, holds nothing per deployment, and
 * building it is most of validation's start-up cost, so every component in a JVM shares it.
 */
public final class HibernateValidation {
  private HibernateValidation() {}

  /** The shared validator, built on first use. */
  public static Validator validator() {
    return Shared.VALIDATOR;
  }

  /**
   * Starts building the shared validator on a daemon thread and returns at once. A Lambda handler
   * calls this first in its init phase: the bootstrap is the longest single part of a cold first
   * request, and this way it runs beside the building of the component instead of after it. {@link
   * #validator()} waits for a build under way rather than starting a second one.
   */
  public static void startBuilding() {
    Thread.ofPlatform()
        .name("parley-validator-bootstrap")
        .daemon()
        .start(HibernateValidation::validator);
  }

  private static final class Shared {
    static final Validator VALIDATOR =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .ignoreXmlConfiguration()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();
  }
}
