package dev.parley.protocol.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks response bodies against the schemas of docs/openapi.yaml. OpenAPI 3.1 schemas are JSON
 * Schema 2020-12, so each check runs the whole document as a schema whose root {@code $ref}s the
 * response's schema: references between components resolve as they do in the document.
 */
final class ResponseSchemas {
  private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
  private static final Map<OpenApiDocument, ResponseSchemas> CACHE = new ConcurrentHashMap<>();

  private final OpenApiDocument document;
  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private ResponseSchemas(OpenApiDocument document) {
    this.document = document;
  }

  static ResponseSchemas of(OpenApiDocument document) {
    return CACHE.computeIfAbsent(document, ResponseSchemas::new);
  }

  /**
   * What is wrong with a JSON body answered with {@code status} by an operation; empty when the
   * schema accepts it, or when the document gives that response no JSON schema.
   */
  List<String> check(String method, String template, int status, JsonNode body) {
    String pointer = schemaPointer(method, template, status);
    if (pointer == null) {
      return List.of("no JSON schema documented for " + method + " " + template + " " + status);
    }
    Schema schema = schemas.computeIfAbsent(pointer, this::load);
    List<Error> errors = schema.validate(body.toString(), InputFormat.JSON);
    return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
  }

  private Schema load(String pointer) {
    ObjectNode root = document.root().deepCopy();
    root.put("$schema", DIALECT);
    root.put("$ref", pointer);
    return registry.getSchema(root.toString(), InputFormat.JSON);
  }

  /** The JSON pointer of the JSON schema of a response, through a response $ref if there is one. */
  private String schemaPointer(String method, String template, int status) {
    String base =
        "#/paths/"
            + escape(template)
            + "/"
            + method.toLowerCase(Locale.ROOT)
            + "/responses/"
            + status;
    JsonNode response = document.root().at(base.substring(1));
    if (response.has("$ref")) {
      base = response.get("$ref").asText();
      response = document.resolve(response);
    }
    Iterator<String> types = response.path("content").fieldNames();
    while (types.hasNext()) {
      String type = types.next();
      if (type.contains("json")) {
        return base + "/content/" + escape(type) + "/schema";
      }
    }
    return null;
  }

  private static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }
}
