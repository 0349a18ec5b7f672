package dev.parley.deploy.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.opentest4j.TestAbortedException;

/**
 * The CloudFormation resource schemas, read from the AWS CDK's service database
 * ({@code @aws-cdk/aws-service-spec}, installed by the build into {@code resource-spec/}): every
 * resource type with its properties (type, required) and attributes, and the property types they
 * refer to. {@link #check} holds a template's resources to them: what {@code cfn-lint} checks
 * first, offline, without Python.
 *
 * <p>SAM's {@code AWS::Serverless::*} types are not checked: the database's description of them
 * lags SAM (it has no {@code SnapStart} or {@code LoggingConfig}), and the transform, not
 * CloudFormation, reads them. Every other resource is: the gateway, Cognito, logs, permissions, the
 * table, the network and the database.
 */
public final class ResourceSpecification {
  /** Where the build installs the database, relative to deploy-lambda's directory. */
  static final Path DATABASE =
      Path.of("resource-spec", "node_modules", "@aws-cdk", "aws-service-spec", "db.json.gz");

  private static ResourceSpecification loaded;

  private final Map<String, JsonNode> resources = new HashMap<>();
  private final Map<String, JsonNode> types = new HashMap<>();

  private ResourceSpecification(JsonNode schema) {
    schema
        .at("/resource/entities")
        .forEach(r -> resources.put(r.path("cloudFormationType").asText(), r));
    schema.at("/typeDefinition/entities").forEach(t -> types.put(t.path("$id").asText(), t));
  }

  /**
   * The database the build installed. Without npm (a machine with only a JDK, where the build skips
   * npm steps) the test aborts with that reason; under {@code CI=true} it fails.
   */
  static ResourceSpecification load() {
    return load(DATABASE);
  }

  /** As {@link #load()}, from another module's directory ({@code ../deploy-lambda/...}). */
  public static synchronized ResourceSpecification load(Path database) {
    if (loaded != null) {
      return loaded;
    }
    if (!Files.exists(database)) {
      String reason =
          database
              + " is missing: the build installs it with npm (bin/npm-or-skip ci in"
              + " deploy-lambda/resource-spec); install Node.js 20+ and npm";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(reason);
      }
      throw new TestAbortedException(reason);
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(database))) {
      loaded = new ResourceSpecification(new ObjectMapper().readTree(in).path("schema"));
      return loaded;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every way {@code template}'s CloudFormation resources break their schemas; empty if none. */
  public List<String> check(CloudFormationTemplate template) {
    List<String> findings = new ArrayList<>();
    JsonNode all = template.section("Resources");
    all.fields()
        .forEachRemaining(
            entry -> {
              String id = entry.getKey();
              String type = entry.getValue().path("Type").asText();
              if (type.startsWith("AWS::Serverless::") || type.startsWith("Custom::")) {
                return;
              }
              JsonNode spec = resources.get(type);
              if (spec == null) {
                findings.add(id + ": no resource type " + type);
                return;
              }
              checkObject(
                  id, spec.path("properties"), entry.getValue().path("Properties"), findings);
            });
    checkGetAtts(all, all, findings);
    return findings;
  }

  private void checkObject(String at, JsonNode schema, JsonNode value, List<String> findings) {
    if (isIntrinsic(value)) {
      return;
    }
    if (!value.isObject() && !value.isMissingNode()) {
      findings.add(at + ": expected an object, found " + value);
      return;
    }
    for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      JsonNode property = schema.get(name);
      if (property == null) {
        findings.add(at + ": no property " + name);
      } else {
        checkValue(at + "." + name, property.path("type"), value.get(name), findings);
      }
    }
    schema
        .fields()
        .forEachRemaining(
            property -> {
              if (property.getValue().path("required").asBoolean()
                  && !value.has(property.getKey())) {
                findings.add(at + ": required property " + property.getKey() + " is missing");
              }
            });
  }

  private void checkValue(String at, JsonNode type, JsonNode value, List<String> findings) {
    if (isIntrinsic(value)) {
      return;
    }
    String kind = type.path("type").asText();
    boolean fits =
        switch (kind) {
          case "string", "date-time" -> value.isValueNode() && !value.isNull();
          case "integer", "number" -> value.isNumber() || isNumeric(value);
          case "boolean" ->
              value.isBoolean() || (value.isTextual() && value.asText().matches("(?i)true|false"));
          case "json" -> true;
          case "tag" -> value.isObject() && value.has("Key");
          case "array" -> {
            if (value.isArray()) {
              for (int i = 0; i < value.size(); i++) {
                checkValue(at + "[" + i + "]", type.path("element"), value.get(i), findings);
              }
            }
            yield value.isArray();
          }
          case "map" -> {
            if (value.isObject()) {
              value
                  .fields()
                  .forEachRemaining(
                      e ->
                          checkValue(
                              at + "." + e.getKey(), type.path("element"), e.getValue(), findings));
            }
            yield value.isObject();
          }
          case "ref" -> {
            JsonNode definition = types.get(type.at("/reference/$ref").asText());
            if (definition != null) {
              checkObject(at, definition.path("properties"), value, findings);
            }
            yield value.isObject();
          }
          case "union" -> {
            boolean any = false;
            for (JsonNode option : type.path("types")) {
              List<String> trial = new ArrayList<>();
              checkValue(at, option, value, trial);
              any |= trial.isEmpty();
            }
            yield any;
          }
          default -> true;
        };
    if (!fits) {
      findings.add(at + ": expected " + kind + ", found " + value);
    }
  }

  /** Every {@code Fn::GetAtt} names an attribute its resource's type has. */
  private void checkGetAtts(JsonNode node, JsonNode resourcesSection, List<String> findings) {
    if (node.isObject()) {
      JsonNode getAtt = node.get("Fn::GetAtt");
      if (getAtt != null && getAtt.isArray() && getAtt.size() == 2) {
        String target = getAtt.get(0).asText();
        String attribute = getAtt.get(1).asText();
        String type = resourcesSection.path(target).path("Type").asText();
        JsonNode spec = type.startsWith("AWS::Serverless::") ? null : resources.get(type);
        if (spec != null && !spec.path("attributes").has(attribute)) {
          findings.add(
              "!GetAtt " + target + "." + attribute + ": " + type + " has no " + attribute);
        }
      }
      node.elements().forEachRemaining(child -> checkGetAtts(child, resourcesSection, findings));
    } else if (node.isArray()) {
      node.forEach(child -> checkGetAtts(child, resourcesSection, findings));
    }
  }

  private static boolean isIntrinsic(JsonNode value) {
    if (!value.isObject() || value.size() != 1) {
      return false;
    }
    String key = value.fieldNames().next();
    return key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition");
  }

  private static boolean isNumeric(JsonNode value) {
    return value.isTextual() && value.asText().matches("-?\\d+(\\.\\d+)?");
  }
}
