package dev.parley.sample;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generates hostile WebSocket frames: not JSON, not an object, unknown or missing actions, fields
 * missing or of the wrong type, strange text, binary and oversized frames, and actions on rooms the
 * sender never joined.
 */
final class HostileFrames {
  /** Above the documented 128 KB frame limit. */
  static final int OVER_FRAME_LIMIT = 131_073;

  private static final List<String> ACTIONS =
      List.of(
          "subscribe",
          "unsubscribe",
          "postMessage",
          "editMessage",
          "deleteMessage",
          "addReaction",
          "removeReaction",
          "typing",
          "markRead",
          "markUnread",
          "ping");

  private static final List<String> NOT_OBJECTS =
      List.of(
          "{bad",
          "",
          " ",
          "[1,2]",
          "\"x\"",
          "null",
          "42",
          "true",
          "{}x",
          "{\"action\":",
          "\uFEFF{}",
          "{'action':'ping'}",
          "\u0000");

  private static final List<String> ODD_STRINGS =
      List.of(
          "\"\"",
          "\" \"",
          "\"\\t\"",
          "\"\\u0000\"",
          "\"a\\u200Bb\"",
          "\"\\u202Eabc\"",
          "\"\\u00A0\"",
          "\"\\ud800\"",
          "\"\\udc00\"",
          "\"..\"",
          "\"a/b\"",
          "\"%2F\"");

  private static final List<String> WRONG_VALUES =
      List.of(
          "42",
          "-1",
          "1e400",
          "123456789012345678901234567890",
          "1.5",
          "true",
          "null",
          "[]",
          "{}",
          "[1]",
          "{\"a\":1}",
          "\"str\"");

  private final Random random;
  private final String room;
  private final String strangerRoom;

  HostileFrames(long seed, String room, String strangerRoom) {
    this.random = new Random(seed);
    this.room = room;
    this.strangerRoom = strangerRoom;
  }

  /** One frame to send. */
  record Frame(String kind, byte[] bytes, boolean binary) {
    boolean oversized() {
      return bytes.length >= OVER_FRAME_LIMIT;
    }

    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    String describe() {
      return kind + (binary ? " (binary)" : "") + ": " + MalformedRequests.printable(bytes, 200);
    }
  }

  Frame next() {
    return switch (random.nextInt(12)) {
      case 0 -> text("not-an-object", pick(NOT_OBJECTS));
      case 1 ->
          text(
              "unknown-action",
              "{\"action\":"
                  + pick(
                      List.of(
                          "\"explode\"",
                          "\"\"",
                          "\"SUBSCRIBE\"",
                          "\"$connect\"",
                          "\"$default\"",
                          "\"postmessage\"",
                          "42",
                          "null",
                          "[]"))
                  + "}");
      case 2 -> text("missing-fields", "{\"action\":\"" + pick(ACTIONS) + "\"}");
      case 3 -> text("wrong-type", withField(pick(ACTIONS), room, pick(WRONG_VALUES)));
      case 4 -> text("odd-string", withField(pick(ACTIONS), room, pick(ODD_STRINGS)));
      case 5 -> text("unknown-field", valid(pick(ACTIONS), room).replaceFirst("\\{", "{\"zz\":1,"));
      case 6 ->
          text(
              "duplicate-key",
              valid(pick(ACTIONS), room).replaceFirst("\\{", "{\"action\":\"ping\","));
      case 7 ->
          text("not-joined", valid(pick(ACTIONS), pick(List.of(strangerRoom, "no-such-room"))));
      case 8 -> binary();
      case 9 -> huge();
      case 10 ->
          text(
              "request-id",
              valid(pick(ACTIONS), room)
                  .replaceFirst(
                      "\\{",
                      "{\"requestId\":"
                          + pick(List.of("\"" + "r".repeat(129) + "\"", "42", "{}", "null"))
                          + ","));
      default ->
          text(
              "deep-nesting",
              "{\"action\":\"ping\",\"active\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}");
    };
  }

  /**
   * A well-formed frame for the action in {@code target}; the message actions name a message that
   * does not exist.
   */
  private String valid(String action, String target) {
    return switch (action) {
      case "subscribe" ->
          "{\"action\":\"subscribe\",\"rooms\":[{\"roomId\":\"" + target + "\",\"afterSeq\":0}]}";
      case "unsubscribe" -> "{\"action\":\"unsubscribe\",\"roomIds\":[\"" + target + "\"]}";
      case "postMessage" ->
          "{\"action\":\"postMessage\",\"roomId\":\""
              + target
              + "\",\"text\":\"hi\",\"clientMessageId\":\"c-"
              + random.nextInt(1_000_000)
              + "\"}";
      case "typing" -> "{\"action\":\"typing\",\"roomId\":\"" + target + "\",\"typing\":true}";
      case "markRead", "markUnread" ->
          "{\"action\":\"" + action + "\",\"roomId\":\"" + target + "\",\"sequence\":1}";
      case "editMessage" ->
          "{\"action\":\"editMessage\",\"roomId\":\""
              + target
              + "\",\"messageId\":\"no-such-message\",\"text\":\"hi\"}";
      case "deleteMessage" ->
          "{\"action\":\"deleteMessage\",\"roomId\":\""
              + target
              + "\",\"messageId\":\"no-such-message\"}";
      case "addReaction", "removeReaction" ->
          "{\"action\":\""
              + action
              + "\",\"roomId\":\""
              + target
              + "\",\"messageId\":\"no-such-message\",\"emoji\":\"x\"}";
      default -> "{\"action\":\"ping\",\"active\":true}";
    };
  }

  /** The action's frame with one of its fields (or roomId inside subscribe) set to {@code raw}. */
  private String withField(String action, String target, String raw) {
    String frame = valid(action, target);
    List<String> fields =
        switch (action) {
          case "subscribe" -> List.of("rooms", "roomId", "afterSeq");
          case "unsubscribe" -> List.of("roomIds");
          case "postMessage" -> List.of("roomId", "text", "clientMessageId");
          case "typing" -> List.of("roomId", "typing");
          case "markRead", "markUnread" -> List.of("roomId", "sequence");
          case "editMessage" -> List.of("roomId", "messageId", "text");
          case "deleteMessage" -> List.of("roomId", "messageId");
          case "addReaction", "removeReaction" -> List.of("roomId", "messageId", "emoji");
          default -> List.of("active");
        };
    String field = pick(fields);
    return frame.replaceFirst(
        "\"" + field + "\":(\\[\\{.*?\\}\\]|\\[\".*?\"\\]|\"[^\"]*\"|[^,}]+)",
        java.util.regex.Matcher.quoteReplacement("\"" + field + "\":" + raw));
  }

  private Frame binary() {
    byte[] bytes =
        random.nextBoolean()
            ? "{\"action\":\"ping\"}".getBytes(StandardCharsets.UTF_8)
            : new byte[1 + random.nextInt(256)];
    if (bytes.length > 20) {
      random.nextBytes(bytes);
    }
    return new Frame("binary", bytes, true);
  }

  private Frame huge() {
    String text = "x".repeat(OVER_FRAME_LIMIT + random.nextInt(100_000));
    return text(
        "huge",
        "{\"action\":\"postMessage\",\"roomId\":\"" + room + "\",\"text\":\"" + text + "\"}");
  }

  private Frame text(String kind, String text) {
    return new Frame(kind, text.getBytes(StandardCharsets.UTF_8), false);
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
