package dev.parley.protocol.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parley.protocol.rest.OpenApiDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@code docs/asyncapi.yaml}, read with Jackson YAML: the names of the messages each operation
 * carries. Client frames are the messages of the operation the server {@code receive}s; server
 * frames and events those of the operations it {@code send}s, events being the {@code event}
 * frames.
 */
record AsyncApiDocument(Path file, JsonNode root) {
  static AsyncApiDocument load() {
    Path file = OpenApiDocument.load().file().resolveSibling("asyncapi.yaml");
    try {
      return new AsyncApiDocument(
          file, new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The {@code action} of every client message. */
  SortedSet<String> clientActions() {
    return constants("receive", "action", false);
  }

  /** The {@code type} of every server message but events. */
  SortedSet<String> serverFrameTypes() {
    return constants("send", "type", false);
  }

  /** The {@code event} name of every event message. */
  SortedSet<String> eventNames() {
    return constants("send", "event", true);
  }

  /** The names of the messages of the channel, whichever operation carries them. */
  SortedSet<String> channelMessages() {
    SortedSet<String> names = new TreeSet<>();
    root.path("channels").path("ws").path("messages").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * The constant a property has in the payloads of the messages of the operations with the given
   * action; events (frames of {@code type: event}) only, or all but events.
   */
  private SortedSet<String> constants(String action, String property, boolean events) {
    SortedSet<String> values = new TreeSet<>();
    for (JsonNode operation : root.path("operations")) {
      if (!operation.path("action").asText().equals(action)) {
        continue;
      }
      for (JsonNode reference : operation.path("messages")) {
        JsonNode message = resolve(reference);
        JsonNode payload = resolve(message.path("payload"));
        boolean event = "event".equals(constant(payload, "type"));
        if (event == events) {
          String value = events ? message.path("name").asText() : constant(payload, property);
          values.add(value == null ? "(no " + property + " in " + reference + ")" : value);
        }
      }
    }
    return values;
  }

  /** The {@code const} of a payload property, looking into {@code allOf} parts and references. */
  private String constant(JsonNode schema, String property) {
    JsonNode own = schema.path("properties").path(property).path("const");
    if (own.isTextual()) {
      return own.asText();
    }
    for (JsonNode part : schema.path("allOf")) {
      String found = constant(resolve(part), property);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** Follows local references; a reference into openapi.yaml is not followed. */
  private JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current.has("$ref"); hops++) {
      String ref = current.get("$ref").asText();
      if (hops > 10 || !ref.startsWith("#/")) {
        return current;
      }
      current = root.at(ref.substring(1));
    }
    return current;
  }
}
