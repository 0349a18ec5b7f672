package dev.parley.protocol.rest;

import dev.parley.protocol.http.ProblemException;
import dev.parley.protocol.http.ProblemType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A path template such as {@code /rooms/{roomId}/messages}. Matching splits the raw path into
 * segments and percent-decodes each one (so an encoded '/' stays inside its segment); a malformed
 * escape or invalid UTF-8 is a malformed request, not a 404.
 */
public record PathTemplate(String template, List<String> segments) {

  public static PathTemplate of(String template) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("a template starts with '/': " + template);
    }
    return new PathTemplate(template, List.of(template.substring(1).split("/")));
  }

  /** The names of the template's variables, in order. */
  public List<String> variables() {
    List<String> names = new ArrayList<>();
    for (String segment : segments) {
      if (isVariable(segment)) {
        names.add(segment.substring(1, segment.length() - 1));
      }
    }
    return names;
  }

  /**
   * Whether a raw request path such as {@code /rooms/r1/messages} fits this template: what a
   * gateway's route matching asks before it knows which handler runs.
   */
  public boolean matches(String rawPath) {
    return rawPath.startsWith("/") && fits(List.of(rawPath.substring(1).split("/", -1)));
  }

  /** The variables of {@code rawSegments} if they fit this template, else null. */
  Map<String, String> match(List<String> rawSegments) {
    // Fit first, decode after: every request is tried against most routes, and most of those share
    // a prefix such as /rooms/{roomId} with it, so building the variables on the way in made a map
    // per route tried.
    return fits(rawSegments) ? variables(rawSegments) : null;
  }

  /** Whether {@code rawSegments} fit: as many, each literal equal, each variable non-empty. */
  boolean fits(List<String> rawSegments) {
    if (rawSegments.size() != segments.size()) {
      return false;
    }
    for (int i = 0; i < segments.size(); i++) {
      String expected = segments.get(i);
      String actual = rawSegments.get(i);
      if (isVariable(expected) ? actual.isEmpty() : !expected.equals(actual)) {
        return false;
      }
    }
    return true;
  }

  /** The decoded variables of segments that {@link #fits fit}. */
  Map<String, String> variables(List<String> rawSegments) {
    Map<String, String> variables = null;
    for (int i = 0; i < segments.size(); i++) {
      String expected = segments.get(i);
      if (isVariable(expected)) {
        if (variables == null) {
          variables = new LinkedHashMap<>();
        }
        variables.put(expected.substring(1, expected.length() - 1), decode(rawSegments.get(i)));
      }
    }
    return variables == null ? Map.of() : variables;
  }

  /**
   * The decoded variable {@code name} of segments that {@link #fits fit}, or null when the template
   * has none or it is not validly encoded.
   */
  String variable(List<String> rawSegments, String name) {
    int index = segments.indexOf("{" + name + "}");
    if (index < 0) {
      return null;
    }
    try {
      return decode(rawSegments.get(index));
    } catch (ProblemException malformed) {
      return null;
    }
  }

  static List<String> split(String rawPath) {
    String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return List.of(path.split("/", -1));
  }

  /**
   * Whether {@code rawPath} has a {@code .} or {@code ..} segment, plain or percent-encoded. Such a
   * path means one thing to a proxy that normalises it and another to a router that does not.
   */
  static boolean hasDotSegment(String rawPath) {
    for (String segment : rawPath.split("/", -1)) {
      String plain = segment.replace("%2e", ".").replace("%2E", ".");
      if (plain.equals(".") || plain.equals("..")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isVariable(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  /** Percent-decodes one path segment as strict UTF-8 ('+' is a plus in paths, not a space). */
  static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()) {
          throw malformed();
        }
        int hi = Character.digit(segment.charAt(i + 1), 16);
        int lo = Character.digit(segment.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw malformed();
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw malformed();
    }
  }

  private static ProblemException malformed() {
    return ProblemException.of(
        ProblemType.MALFORMED_REQUEST,
        "the path holds a malformed percent-escape or invalid UTF-8");
  }
}
