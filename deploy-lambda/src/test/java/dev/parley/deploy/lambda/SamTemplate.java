package dev.parley.deploy.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code template.yaml} as the tests read it: line by line, with no YAML parser on the classpath.
 * Shared by {@link SamTemplateTest} (the template against the code) and the Lambda jar's
 * integration tests (the template against the built artifact).
 */
final class SamTemplate {
  static final Path PATH = Path.of("template.yaml");

  private static final Pattern CODE_URI = Pattern.compile("^\\s*CodeUri:\\s*(\\S+)\\s*$");
  private static final Pattern HANDLER =
      Pattern.compile("^\\s*Handler:\\s*(\\S+)::handleRequest\\s*$");
  private static final Pattern ROUTE = Pattern.compile("^\\s*RouteKey:\\s*(\\S+)\\s*$");
  private static final Pattern VARIABLES = Pattern.compile("^(\\s*)Variables:\\s*$");
  private static final Pattern VARIABLE = Pattern.compile("^(\\s*)([A-Z][A-Z0-9_]*):.*$");
  private static final Pattern RESOURCE = Pattern.compile("^  [A-Za-z0-9]+:\\s*$");
  private static final Pattern SECTION = Pattern.compile("^[A-Za-z]+:.*$");

  private SamTemplate() {}

  static String text() {
    try {
      return Files.readString(PATH);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one deployment artifact of the functions (Globals), relative to this module. */
  static Path codeUri() {
    List<String> uris = matches(CODE_URI);
    if (uris.size() != 1) {
      throw new IllegalStateException("expected one CodeUri (in Globals), found " + uris);
    }
    return Path.of(uris.get(0));
  }

  /**
   * The handler class of every function, such as {@code
   * dev.parley.deploy.lambda.DynamoDbLambda$Http}.
   */
  static List<String> handlerClasses() {
    return matches(HANDLER);
  }

  /** The route key of every WebSocket API route, {@code $connect} and the actions included. */
  static List<String> webSocketRouteKeys() {
    return matches(ROUTE);
  }

  /** The names of the environment variables the template gives the functions (Globals). */
  static List<String> environmentVariables() {
    List<String> names = new ArrayList<>();
    int indent = -1;
    for (String line : lines()) {
      Matcher start = VARIABLES.matcher(line);
      if (start.matches()) {
        indent = start.group(1).length();
        continue;
      }
      if (indent < 0) {
        continue;
      }
      Matcher variable = VARIABLE.matcher(line);
      if (!variable.matches() || variable.group(1).length() <= indent) {
        break;
      }
      names.add(variable.group(2));
    }
    return names;
  }

  /**
   * The value the template gives the environment variable {@code name} (Globals), as written: for
   * variables with a literal value, such as {@code JAVA_TOOL_OPTIONS}.
   */
  static String variableValue(String name) {
    List<String> values =
        matches(Pattern.compile("^\\s*" + Pattern.quote(name) + ":\\s*(\\S.*?)\\s*$"));
    if (values.size() != 1) {
      throw new IllegalStateException("expected one " + name + " in template.yaml: " + values);
    }
    return values.get(0);
  }

  /**
   * The text of the resource {@code name}: its line under {@code Resources} and every line after it
   * up to the next resource (or section).
   */
  static String resource(String name) {
    StringBuilder text = new StringBuilder();
    boolean inside = false;
    for (String line : lines()) {
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

  private static List<String> matches(Pattern pattern) {
    List<String> found = new ArrayList<>();
    for (String line : lines()) {
      Matcher m = pattern.matcher(line);
      if (m.matches()) {
        found.add(m.group(1));
      }
    }
    return found;
  }

  private static List<String> lines() {
    return text().lines().toList();
  }
}
