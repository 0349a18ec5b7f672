package dev.parley.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Request bodies that are wrong in shape, in one field, or in their bytes. */
final class BadBodies {
  /** One above the documented limit of 1,048,576 bytes. */
  static final int OVER_LIMIT = 1_048_577;

  private static final String RAW = "@@raw@@";

  private static final List<String> SHAPES =
      List.of(
          "[1,2]",
          "\"x\"",
          "null",
          "42",
          "true",
          "",
          " ",
          "{",
          "{\"a\":",
          "{}x",
          "{} {}",
          "{\"a\":1,}",
          "{'a':1}",
          "{a:1}",
          "\uFEFF{}",
          "[]",
          "{\"\":1}",
          "NaN",
          "{\"a\":NaN}",
          "{\"a\":01}",
          "/* */{}",
          "\u0000",
          "{\"a\":\"\\u\"}");

  /** Raw JSON values that are of the wrong type for some field, or extreme. */
  private static final List<String> VALUES =
      List.of(
          "42",
          "-1",
          "0",
          "1.5",
          "1e400",
          "-1e400",
          "123456789012345678901234567890",
          "-9223372036854775809",
          "1.0E-400",
          "\"str\"",
          "true",
          "false",
          "null",
          "[]",
          "{}",
          "[1,2]",
          "{\"a\":1}",
          "\"\"",
          "\" \"",
          "\"\\t\"",
          "\"\\n\"",
          "\"\\u0000\"",
          "\"a\\u0000b\"",
          "\"a\\u200Bb\"",
          "\"\\u202Eabc\"",
          "\"\\u00A0\"",
          "\"\\ud800\"",
          "\"\\udc00x\"",
          "\"\\ud83d\"",
          "\"\\uFEFF\"",
          "\"\\u0085\"",
          "\"PUBLIC\"",
          "\"Owner\"",
          "\"9999-99-99T99:99:99Z\"",
          "\"../../etc/passwd\"",
          "\"a/b\"");

  private static final List<byte[]> BAD_BYTES =
      List.of(
          new byte[] {(byte) 0xC0, (byte) 0xAF},
          new byte[] {(byte) 0xC0, (byte) 0x80},
          new byte[] {(byte) 0xE2, (byte) 0x82},
          new byte[] {(byte) 0xFF, (byte) 0xFE},
          new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          new byte[] {(byte) 0x80},
          new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
          new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
          new byte[] {(byte) 0xE9});

  private BadBodies() {}

  static ObjectNode object(String field, String value) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put(field, value);
    return node;
  }

  static byte[] bytes(JsonNode json) {
    return bytes(TestJson.write(json));
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Not a JSON object, not JSON at all, or nested beyond reason. */
  static byte[] shape(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> bytes("[".repeat(50_000) + "]".repeat(50_000));
      case 1 -> bytes("{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000));
      case 2 -> garbage(random);
      default -> bytes(SHAPES.get(random.nextInt(SHAPES.size())));
    };
  }

  /** The example with one field wrong: type, value, missing, unknown, duplicated, nested. */
  static byte[] field(Random random, ObjectNode example, List<String> fields) {
    String field = fields.isEmpty() ? "text" : fields.get(random.nextInt(fields.size()));
    switch (random.nextInt(8)) {
      case 0 -> {
        example.remove(field);
        return bytes(example);
      }
      case 1 -> {
        return withRaw(example, "zzUnknownField", "1");
      }
      case 2 -> {
        String json = TestJson.write(example);
        String value = VALUES.get(random.nextInt(VALUES.size()));
        return bytes("{\"" + field + "\":" + value + "," + json.substring(1));
      }
      case 3 -> {
        return withRaw(example, field, "\"" + "x".repeat(17_000 + random.nextInt(200_000)) + "\"");
      }
      case 4 -> {
        return withRaw(example, field, "[".repeat(3_000) + "]".repeat(3_000));
      }
      default -> {
        return withRaw(example, field, VALUES.get(random.nextInt(VALUES.size())));
      }
    }
  }

  /** The example with invalid UTF-8 inside a string, or the whole body in another charset. */
  static byte[] encoding(Random random, ObjectNode example) {
    if (random.nextInt(5) == 0) {
      return TestJson.write(example).getBytes(StandardCharsets.UTF_16);
    }
    String field = example.fieldNames().hasNext() ? example.fieldNames().next() : "text";
    example.put(field, RAW);
    String[] parts = TestJson.write(example).split(RAW, 2);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bytes(parts[0] + "ok"));
    out.writeBytes(BAD_BYTES.get(random.nextInt(BAD_BYTES.size())));
    if (random.nextInt(4) != 0) {
      out.writeBytes(bytes("ok" + parts[1]));
    }
    return out.toByteArray();
  }

  /** Just over the limit: a JSON object whose only string fills it. */
  static byte[] oversized(Random random, ObjectNode example) {
    String field = example.fieldNames().hasNext() ? example.fieldNames().next() : "text";
    return withRaw(example, field, "\"" + "a".repeat(OVER_LIMIT + random.nextInt(4096)) + "\"");
  }

  private static byte[] withRaw(ObjectNode example, String field, String rawValue) {
    example.put(field, RAW);
    return bytes(TestJson.write(example).replace("\"" + RAW + "\"", rawValue));
  }

  private static byte[] garbage(Random random) {
    byte[] bytes = new byte[1 + random.nextInt(512)];
    random.nextBytes(bytes);
    return bytes;
  }
}
