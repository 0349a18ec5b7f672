package dev.parley.architecture;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/** Checks ArchUnit has no ready-made condition for. */
final class ParleyConditions {

  private ParleyConditions() {}

  /**
   * The class, its fields, methods, constructors and parameters carry only annotations from the JDK
   * ({@code java..}), such as {@code @Override} or {@code @FunctionalInterface}.
   */
  static ArchCondition<JavaClass> carryOnlyJavaAnnotations() {
    return new ArchCondition<>("carry only annotations from java..") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        report(javaClass, javaClass, javaClass.getName(), events);
        javaClass
            .getFields()
            .forEach(field -> report(javaClass, field, field.getFullName(), events));
        for (JavaCodeUnit codeUnit : javaClass.getCodeUnits()) {
          report(javaClass, codeUnit, codeUnit.getFullName(), events);
          for (JavaParameter parameter : codeUnit.getParameters()) {
            String where = codeUnit.getFullName() + " parameter " + parameter.getIndex();
            report(javaClass, parameter, where, events);
          }
        }
      }
    };
  }

  private static void report(
      JavaClass owner, HasAnnotations<?> element, String where, ConditionEvents events) {
    for (JavaAnnotation<?> annotation : element.getAnnotations()) {
      String type = annotation.getRawType().getName();
      if (!type.startsWith("java.")) {
        events.add(SimpleConditionEvent.violated(owner, where + " is annotated with @" + type));
      }
    }
  }

  /**
   * The interface has exactly one method, counting inherited ones but not those of {@code Object}
   * or compiler-generated ones (lambda bodies inside default methods).
   */
  static ArchCondition<JavaClass> haveExactlyOneMethod() {
    return new ArchCondition<>("have exactly one method") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        List<String> methods =
            javaClass.getAllMethods().stream()
                .filter(method -> !method.getOwner().isEquivalentTo(Object.class))
                .filter(method -> !method.getModifiers().contains(JavaModifier.SYNTHETIC))
                .map(JavaMethod::getName)
                .sorted()
                .toList();
        boolean satisfied = methods.size() == 1;
        String message = javaClass.getName() + " has " + methods.size() + " method(s) " + methods;
        events.add(new SimpleConditionEvent(javaClass, satisfied, message));
      }
    };
  }
}
