package dev.parley.protocol.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@code docs/openapi.yaml}, read with Jackson YAML, with the few questions the tests ask of it.
 * Operations are named like {@link Route#describe()}: {@code "POST /rooms/{roomId}/messages"}.
 */
public final class OpenApiDocument {
  /** Marks a path item served by the runtime (health, WebSocket), not by the route table. */
  public static final String RUNTIME_EXTENSION = "x-parley-runtime";

  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private static OpenApiDocument cached;

  private final Path file;
  private final JsonNode root;

  private OpenApiDocument(Path file, JsonNode root) {
    this.file = file;
    this.root = root;
  }

  /** The repository's document, found by walking up from the working directory. */
  public static synchronized OpenApiDocument load() {
    if (cached == null) {
      Path file = locate(Path.of("").toAbsolutePath());
      try {
        cached =
            new OpenApiDocument(file, new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return cached;
  }

  /** The nearest {@code docs/openapi.yaml} at or above {@code start}. */
  static Path locate(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs").resolve("openapi.yaml");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no docs/openapi.yaml at or above " + start);
  }

  public Path file() {
    return file;
  }

  public JsonNode root() {
    return root;
  }

  /** Every documented operation of the route table (runtime-served paths left out). */
  public SortedSet<String> operations() {
    SortedSet<String> result = new TreeSet<>();
    forEachPath(
        (path, item) -> {
          if (!isRuntime(item)) {
            for (String method : methodsOf(item)) {
              result.add(method.toUpperCase(Locale.ROOT) + " " + path);
            }
          }
        });
    return result;
  }

  /** The paths marked {@value #RUNTIME_EXTENSION}. */
  public SortedSet<String> runtimePaths() {
    SortedSet<String> result = new TreeSet<>();
    forEachPath(
        (path, item) -> {
          if (isRuntime(item)) {
            result.add(path);
          }
        });
    return result;
  }

  /** The operation object, or null when the document does not have it. */
  public JsonNode operation(String method, String template) {
    JsonNode item = root.path("paths").path(template);
    JsonNode operation = item.get(method.toLowerCase(Locale.ROOT));
    return operation == null || !operation.isObject() ? null : operation;
  }

  public JsonNode operation(String describedRoute) {
    int space = describedRoute.indexOf(' ');
    return operation(describedRoute.substring(0, space), describedRoute.substring(space + 1));
  }

  /** The response status codes an operation declares (as strings, such as "201"). */
  public Set<String> statuses(String method, String template) {
    JsonNode operation = operation(method, template);
    Set<String> result = new LinkedHashSet<>();
    if (operation != null) {
      operation.path("responses").fieldNames().forEachRemaining(result::add);
    }
    return result;
  }

  /** The response of an operation for a status, with any $ref followed, or null. */
  public JsonNode response(String method, String template, int status) {
    JsonNode operation = operation(method, template);
    if (operation == null) {
      return null;
    }
    JsonNode response = operation.path("responses").get(Integer.toString(status));
    return response == null ? null : resolve(response);
  }

  /** The parameters of an operation, those of its path item first, each with $ref followed. */
  public List<JsonNode> parameters(String method, String template) {
    List<JsonNode> result = new ArrayList<>();
    JsonNode item = root.path("paths").path(template);
    for (JsonNode parameter : item.path("parameters")) {
      result.add(resolve(parameter));
    }
    JsonNode operation = operation(method, template);
    if (operation != null) {
      for (JsonNode parameter : operation.path("parameters")) {
        result.add(resolve(parameter));
      }
    }
    return result;
  }

  /** The names of the parameters of an operation that are {@code in} the given place. */
  public Set<String> parameterNames(String method, String template, String in) {
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode parameter : parameters(method, template)) {
      if (in.equals(parameter.path("in").asText())) {
        names.add(parameter.path("name").asText());
      }
    }
    return names;
  }

  /** Follows a local {@code $ref} (repeatedly); other nodes come back as they are. */
  public JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current != null && current.has("$ref"); hops++) {
      if (hops > 10) {
        throw new IllegalStateException("$ref cycle at " + node);
      }
      current = pointer(current.get("$ref").asText());
    }
    return current;
  }

  /** The node a local reference such as {@code #/components/schemas/Room} points to, or null. */
  public JsonNode pointer(String ref) {
    if (!ref.startsWith("#/")) {
      return null;
    }
    JsonNode node = root.at(ref.substring(1));
    return node.isMissingNode() ? null : node;
  }

  /** Every {@code $ref} value anywhere in the document. */
  public List<String> references() {
    List<String> refs = new ArrayList<>();
    collectReferences(root, refs);
    return refs;
  }

  /** The string values of a schema's {@code enum}, found by its name under components. */
  public List<String> schemaEnum(String schema) {
    List<String> values = new ArrayList<>();
    for (JsonNode value : root.path("components").path("schemas").path(schema).path("enum")) {
      values.add(value.asText());
    }
    return values;
  }

  /**
   * Compares the route table with the documented operations.
   *
   * @param routes the table's routes, as {@code "METHOD /template"}
   * @param documented the document's operations, in the same form
   */
  public static Comparison compare(Collection<String> routes, Collection<String> documented) {
    SortedSet<String> undocumented = new TreeSet<>(routes);
    undocumented.removeAll(documented);
    SortedSet<String> unrouted = new TreeSet<>(documented);
    unrouted.removeAll(routes);
    return new Comparison(undocumented, unrouted);
  }

  /**
   * The difference between route table and document.
   *
   * @param undocumented routes the document does not describe
   * @param unrouted documented operations that no route serves
   */
  public record Comparison(SortedSet<String> undocumented, SortedSet<String> unrouted) {
    public boolean consistent() {
      return undocumented.isEmpty() && unrouted.isEmpty();
    }

    public String describe() {
      return "routes without documentation: "
          + undocumented
          + "; documented operations without a route: "
          + unrouted;
    }
  }

  private interface PathVisitor {
    void visit(String path, JsonNode item);
  }

  private void forEachPath(PathVisitor visitor) {
    Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> entry = paths.next();
      visitor.visit(entry.getKey(), entry.getValue());
    }
  }

  private static boolean isRuntime(JsonNode item) {
    if (item.path(RUNTIME_EXTENSION).asBoolean(false)) {
      return true;
    }
    for (String method : methodsOf(item)) {
      if (item.path(method).path(RUNTIME_EXTENSION).asBoolean(false)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> methodsOf(JsonNode item) {
    List<String> methods = new ArrayList<>();
    for (String method : METHODS) {
      if (item.has(method)) {
        methods.add(method);
      }
    }
    return methods;
  }

  private static void collectReferences(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
          refs.add(field.getValue().asText());
        } else {
          collectReferences(field.getValue(), refs);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        collectReferences(element, refs);
      }
    }
  }
}
