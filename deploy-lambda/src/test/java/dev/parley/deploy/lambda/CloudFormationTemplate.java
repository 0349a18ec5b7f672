package dev.parley.deploy.lambda;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A SAM/CloudFormation template as a YAML parser reads it, with the short-form tags turned into the
 * long form CloudFormation sees ({@code !Ref X} is {@code {"Ref": "X"}}, {@code !GetAtt A.B} is
 * {@code {"Fn::GetAtt": ["A", "B"]}}, {@code !Sub s} is {@code {"Fn::Sub": "s"}}, and so on), and
 * each function's properties as SAM sees them, with the template's {@code Globals} merged in.
 * Scalars are text, as CloudFormation passes them.
 */
public final class CloudFormationTemplate {
  static final String FUNCTION = "AWS::Serverless::Function";

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String name;
  private final String text;
  private final JsonNode root;

  private CloudFormationTemplate(String name, String text, JsonNode root) {
    this.name = name;
    this.text = text;
    this.root = root;
  }

  public static CloudFormationTemplate read(Path path) {
    try {
      return parse(path.toString(), Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws IllegalArgumentException if {@code text} is not YAML or repeats a key (CloudFormation
   *     refuses both)
   */
  public static CloudFormationTemplate parse(String name, String text) {
    try (YAMLParser parser = YAML.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException(name + " is not a YAML mapping");
      }
      return new CloudFormationTemplate(name, text, read(parser, ""));
    } catch (IOException e) {
      throw new IllegalArgumentException(name + " is not valid YAML: " + e.getMessage(), e);
    }
  }

  String name() {
    return name;
  }

  String text() {
    return text;
  }

  /** A top-level section such as {@code Resources}; an empty object when absent. */
  public JsonNode section(String section) {
    JsonNode node = root.get(section);
    return node == null ? NODES.objectNode() : node;
  }

  Set<String> names(String section) {
    Set<String> names = new LinkedHashSet<>();
    section(section).fieldNames().forEachRemaining(names::add);
    return names;
  }

  public JsonNode resource(String id) {
    JsonNode resource = section("Resources").get(id);
    if (resource == null) {
      throw new IllegalArgumentException(name + " has no resource " + id);
    }
    return resource;
  }

  String type(String id) {
    return resource(id).path("Type").asText();
  }

  /** Resources of {@code type} by logical id, in template order. */
  public Map<String, JsonNode> resourcesOfType(String type) {
    Map<String, JsonNode> found = new LinkedHashMap<>();
    section("Resources")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().path("Type").asText().equals(type)) {
                found.put(e.getKey(), e.getValue());
              }
            });
    return found;
  }

  /**
   * The properties of every {@code AWS::Serverless::Function} by logical id, merged with {@code
   * Globals.Function} as SAM merges them: maps key by key, lists appended to the global list, any
   * other value replaced.
   */
  Map<String, JsonNode> functions() {
    JsonNode globals = section("Globals").path("Function");
    Map<String, JsonNode> functions = new LinkedHashMap<>();
    resourcesOfType(FUNCTION)
        .forEach((id, resource) -> functions.put(id, merge(globals, resource.path("Properties"))));
    return functions;
  }

  JsonNode function(String id) {
    JsonNode function = functions().get(id);
    if (function == null) {
      throw new IllegalArgumentException(name + " has no function " + id);
    }
    return function;
  }

  /** The handler class of every function, such as {@code dev.parley.deploy.lambda.X$Http}. */
  List<String> handlerClasses() {
    List<String> handlers = new ArrayList<>();
    functions()
        .forEach(
            (id, function) -> {
              String handler = function.path("Handler").asText();
              if (!handler.endsWith("::handleRequest")) {
                throw new IllegalStateException(id + ": not a Class::handleRequest handler");
              }
              handlers.add(handler.substring(0, handler.length() - "::handleRequest".length()));
            });
    return handlers;
  }

  /** The route key of every WebSocket API route, {@code $connect} and the actions included. */
  List<String> webSocketRouteKeys() {
    List<String> keys = new ArrayList<>();
    resourcesOfType("AWS::ApiGatewayV2::Route").values().stream()
        .map(route -> route.path("Properties"))
        .filter(properties -> properties.path("ApiId").equals(ref("WebSocketApi")))
        .forEach(properties -> keys.add(properties.path("RouteKey").asText()));
    return keys;
  }

  /** The one deployment artifact of every function, relative to the template's directory. */
  Path codeUri() {
    Set<String> uris = new LinkedHashSet<>();
    functions().values().forEach(f -> uris.add(f.path("CodeUri").asText()));
    if (uris.size() != 1) {
      throw new IllegalStateException(name + ": expected one CodeUri for all functions: " + uris);
    }
    return Path.of(uris.iterator().next());
  }

  /** The variables of {@code Globals}, which every function gets, by name in template order. */
  Map<String, JsonNode> globalVariables() {
    return fields(section("Globals").path("Function").path("Environment").path("Variables"));
  }

  /** The variables function {@code id} gets: the global ones and its own. */
  Map<String, JsonNode> variables(String id) {
    return fields(function(id).path("Environment").path("Variables"));
  }

  /** Every variable name any function gets. */
  Set<String> variableNames() {
    Set<String> names = new LinkedHashSet<>();
    functions().keySet().forEach(id -> names.addAll(variables(id).keySet()));
    return names;
  }

  /** Whether the template gives function {@code id} an alias and versions (AutoPublishAlias). */
  boolean publishesVersions(String id) {
    return functions().containsKey(id) && function(id).hasNonNull("AutoPublishAlias");
  }

  /** References that name nothing in this template; empty when all resolve. */
  public List<String> unresolvedReferences() {
    return new TemplateReferences(this).unresolved();
  }

  /** One YAML value read as a template's values are, such as {@code !Ref X}: for expectations. */
  static JsonNode yaml(String value) {
    return parse("value", "value: " + value + "\n").section("value");
  }

  /** {@code !Sub 'text'}. */
  static JsonNode sub(String text) {
    return yaml("!Sub '" + text + "'");
  }

  static Map<String, JsonNode> fields(JsonNode object) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
    return fields;
  }

  /** {@code {"Ref": target}}, as {@code !Ref target} reads. */
  public static JsonNode ref(String target) {
    return NODES.objectNode().put("Ref", target);
  }

  /** {@code {"Fn::GetAtt": [resource, attribute]}}, as {@code !GetAtt resource.attribute} reads. */
  static JsonNode getAtt(String resource, String attribute) {
    ObjectNode node = NODES.objectNode();
    node.putArray("Fn::GetAtt").add(resource).add(attribute);
    return node;
  }

  private static JsonNode merge(JsonNode global, JsonNode local) {
    if (global.isMissingNode()) {
      return local;
    }
    if (local.isMissingNode()) {
      return global;
    }
    if (global.isObject() && local.isObject() && !isIntrinsic(global) && !isIntrinsic(local)) {
      ObjectNode merged = global.deepCopy();
      local
          .fields()
          .forEachRemaining(
              e -> merged.set(e.getKey(), merge(global.path(e.getKey()), e.getValue())));
      return merged;
    }
    if (global.isArray() && local.isArray()) {
      ArrayNode appended = global.deepCopy();
      appended.addAll((ArrayNode) local);
      return appended;
    }
    return local;
  }

  private static boolean isIntrinsic(JsonNode node) {
    if (node.size() != 1) {
      return false;
    }
    String key = node.fieldNames().next();
    return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
  }

  /** Reads the value at the parser's current token, which it leaves on the value's last token. */
  private static JsonNode read(YAMLParser parser, String at) throws IOException {
    String tag = parser.getTypeId();
    JsonNode value =
        switch (parser.currentToken()) {
          case START_OBJECT -> {
            ObjectNode object = NODES.objectNode();
            while (parser.nextToken() != JsonToken.END_OBJECT) {
              String key = parser.currentName();
              if (object.has(key)) {
                throw new IllegalArgumentException("duplicate key " + at + "." + key);
              }
              parser.nextToken();
              object.set(key, read(parser, at + "." + key));
            }
            yield object;
          }
          case START_ARRAY -> {
            ArrayNode array = NODES.arrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
              array.add(read(parser, at + "[" + array.size() + "]"));
            }
            yield array;
          }
          case VALUE_NULL -> NullNode.getInstance();
          default -> NODES.textNode(parser.getText());
        };
    return tag == null ? value : intrinsic(tag, value);
  }

  private static JsonNode intrinsic(String tag, JsonNode value) {
    String function = tag.startsWith("!") ? tag.substring(1) : tag;
    ObjectNode node = NODES.objectNode();
    switch (function) {
      case "Ref", "Condition" -> node.set(function, value);
      case "GetAtt" -> {
        if (value.isTextual()) {
          // The resource's logical id cannot contain a dot; the attribute may (Endpoint.Address).
          String text = value.asText();
          int dot = text.indexOf('.');
          if (dot < 0) {
            throw new IllegalArgumentException("!GetAtt " + text + " names no attribute");
          }
          return getAtt(text.substring(0, dot), text.substring(dot + 1));
        }
        node.set("Fn::GetAtt", value);
      }
      default -> node.set("Fn::" + function, value);
    }
    return node;
  }
}
