package dev.parley.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operations of {@code docs/openapi.yaml}, runtime-served paths included, so that the bad-input
 * suite covers exactly what the document promises (chat-protocol's OpenApiConsistencyTest keeps the
 * document and the route table in step).
 */
final class OpenApiRoutes {
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private OpenApiRoutes() {}

  /**
   * One documented operation.
   *
   * @param bodyExample the documented request body example, or null for operations without a body
   * @param bodyFields the top-level properties of the request body schema (empty without a body)
   */
  record Operation(
      String method,
      String template,
      List<String> pathParameters,
      List<String> queryParameters,
      JsonNode bodyExample,
      List<String> bodyFields) {

    String describe() {
      return method + " " + template;
    }

    boolean hasBody() {
      return bodyExample != null;
    }
  }

  /** Every operation of the repository's document, in document order. */
  static List<Operation> load() {
    JsonNode root = read(locate(Path.of("").toAbsolutePath()));
    List<Operation> result = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : METHODS) {
        JsonNode operation = path.getValue().get(method);
        if (operation != null) {
          result.add(operation(root, path.getKey(), path.getValue(), method, operation));
        }
      }
    }
    return result;
  }

  private static Operation operation(
      JsonNode root, String template, JsonNode item, String method, JsonNode operation) {
    List<String> inPath = new ArrayList<>();
    List<String> inQuery = new ArrayList<>();
    List<JsonNode> parameters = new ArrayList<>();
    item.path("parameters").forEach(parameters::add);
    operation.path("parameters").forEach(parameters::add);
    for (JsonNode parameter : parameters) {
      JsonNode resolved = resolve(root, parameter);
      String name = resolved.path("name").asText();
      switch (resolved.path("in").asText()) {
        case "path" -> inPath.add(name);
        case "query" -> inQuery.add(name);
        default -> {}
      }
    }
    JsonNode json = operation.path("requestBody").path("content").path("application/json");
    JsonNode example = json.isMissingNode() ? null : json.get("example");
    List<String> fields = new ArrayList<>();
    resolve(root, json.path("schema"))
        .path("properties")
        .fieldNames()
        .forEachRemaining(fields::add);
    return new Operation(
        method.toUpperCase(Locale.ROOT),
        template,
        List.copyOf(inPath),
        List.copyOf(inQuery),
        example,
        List.copyOf(fields));
  }

  private static JsonNode resolve(JsonNode root, JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
      current = root.at(current.get("$ref").asText().substring(1));
    }
    return current;
  }

  private static Path locate(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs").resolve("openapi.yaml");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no docs/openapi.yaml at or above " + start);
  }

  private static JsonNode read(Path file) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
