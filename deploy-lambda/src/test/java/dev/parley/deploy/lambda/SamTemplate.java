package dev.parley.deploy.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The module's SAM templates as the tests read them ({@link CloudFormationTemplate}): {@code
 * template.yaml} (DynamoDB), read through the static methods here, and {@code
 * template-postgres.yaml} ({@link #postgres()}). Shared by {@link SamTemplateTest} and {@link
 * PostgresSamTemplateTest} (the templates against the code) and the Lambda jar's integration tests
 * (the template against the built artifact).
 */
final class SamTemplate {
  static final Path PATH = Path.of("template.yaml");
  static final Path POSTGRES_PATH = Path.of("template-postgres.yaml");

  private static final Pattern RESOURCE = Pattern.compile("^  [A-Za-z0-9]+:\\s*$");
  private static final Pattern SECTION = Pattern.compile("^[A-Za-z]+:.*$");

  private SamTemplate() {}

  /** {@code template.yaml}, the DynamoDB deployment. */
  static CloudFormationTemplate dynamoDb() {
    return CloudFormationTemplate.read(PATH);
  }

  /** {@code template-postgres.yaml}, the PostgreSQL deployment. */
  static CloudFormationTemplate postgres() {
    return CloudFormationTemplate.read(POSTGRES_PATH);
  }

  static String text() {
    return dynamoDb().text();
  }

  /** The one deployment artifact of the functions, relative to this module. */
  static Path codeUri() {
    return dynamoDb().codeUri();
  }

  /**
   * The handler class of every function, such as {@code
   * dev.parley.deploy.lambda.DynamoDbLambda$Http}.
   */
  static List<String> handlerClasses() {
    return dynamoDb().handlerClasses();
  }

  /** The route key of every WebSocket API route, {@code $connect} and the actions included. */
  static List<String> webSocketRouteKeys() {
    return dynamoDb().webSocketRouteKeys();
  }

  /** The names of the environment variables the template gives the functions (Globals). */
  static List<String> environmentVariables() {
    return List.copyOf(dynamoDb().globalVariables().keySet());
  }

  /**
   * The value the template gives the environment variable {@code name} (Globals), as written: for
   * variables with a literal value, such as {@code JAVA_TOOL_OPTIONS}.
   */
  static String variableValue(String name) {
    JsonNode value = dynamoDb().globalVariables().get(name);
    if (value == null || !value.isTextual()) {
      throw new IllegalStateException("expected a literal " + name + " in template.yaml: " + value);
    }
    return value.asText();
  }

  /**
   * The text of the resource {@code name} in {@code template.yaml}, as written: its line under
   * {@code Resources} and every line after it up to the next resource (or section).
   */
  static String resource(String name) {
    StringBuilder text = new StringBuilder();
    boolean inside = false;
    for (String line : text().lines().toList()) {
      boolean top = RESOURCE.matcher(line).matches() || SECTION.matcher(line).matches();
      if (inside && top) {
        break;
      }
      if (line.equals("  " + name + ":")) {
        inside = true;
      }
      if (inside) {
        text.append(line).append('\n');
      }
    }
    if (text.isEmpty()) {
      throw new IllegalStateException("no resource " + name + " in template.yaml");
    }
    return text.toString();
  }
}
