package dev.parley.adapter.fargate;

import dev.parley.protocol.rest.Route;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names a request path for logs: the route template it matches ({@code /rooms/{roomId}/messages}),
 * so access logs group by endpoint and carry no ids, and the room id for the {@code roomId} MDC
 * key.
 *
 * <p>Both run on every request, so they walk the raw path in place instead of splitting it: the
 * splits were most of what the access log allocated per request.
 */
final class RouteTemplates {
  /** An unmatched path is logged as is, cut to this length. */
  private static final int MAX_LOGGED_PATH = 200;

  private static final String ROOMS = "rooms/";

  /**
   * A template and its segments: {@code literals[i]} is the text segment {@code i} must have, or
   * null for a variable, which matches any non-empty segment.
   */
  private record Template(String text, String[] literals) {}

  private final List<Template> templates = new ArrayList<>();

  RouteTemplates(List<Route> routes) {
    Set<String> seen = new HashSet<>();
    for (Route route : routes) {
      if (!seen.add(route.path().template())) {
        continue;
      }
      List<String> segments = route.path().segments();
      String[] literals = new String[segments.size()];
      for (int i = 0; i < literals.length; i++) {
        String segment = segments.get(i);
        boolean variable = segment.startsWith("{") && segment.endsWith("}");
        literals[i] = variable ? null : segment;
      }
      templates.add(new Template(route.path().template(), literals));
    }
  }

  /** The template {@code rawPath} matches (whatever the method), else the path, shortened. */
  String describe(String rawPath) {
    int from = start(rawPath);
    int to = end(rawPath, from);
    for (Template template : templates) {
      if (matches(template.literals(), rawPath, from, to)) {
        return template.text();
      }
    }
    return rawPath.length() <= MAX_LOGGED_PATH
        ? rawPath
        : rawPath.substring(0, MAX_LOGGED_PATH) + "...";
  }

  /** The decoded {@code roomId} of a {@code /rooms/{roomId}...} path, or null. */
  static String roomId(String rawPath) {
    int from = start(rawPath);
    int to = end(rawPath, from);
    int start = from + ROOMS.length();
    if (start > to || !rawPath.startsWith(ROOMS, from)) {
      return null;
    }
    int end = segmentEnd(rawPath, start, to);
    if (end == start || end - start > 128) {
      return null; // empty, or not a room id and not worth a log field
    }
    String raw = rawPath.substring(start, end);
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    try {
      // '+' is a plus in a path, not a space.
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  /**
   * Whether the segments of {@code rawPath} between {@code from} and {@code to} fit the template:
   * as many segments, each literal equal, each variable non-empty.
   */
  private static boolean matches(String[] literals, String rawPath, int from, int to) {
    int start = from;
    for (String literal : literals) {
      if (start > to) {
        return false; // the path has fewer segments
      }
      int end = segmentEnd(rawPath, start, to);
      boolean fits =
          literal == null
              ? end > start
              : end - start == literal.length() && rawPath.startsWith(literal, start);
      if (!fits) {
        return false;
      }
      start = end + 1;
    }
    return start == to + 1; // and no more segments than the template
  }

  /** Where the path's segments start: after one leading '/'. */
  private static int start(String rawPath) {
    return rawPath.startsWith("/") ? 1 : 0;
  }

  /** Where they end: before one trailing '/', if that is not also the leading one. */
  private static int end(String rawPath, int from) {
    int length = rawPath.length();
    return length > from && rawPath.charAt(length - 1) == '/' ? length - 1 : length;
  }

  private static int segmentEnd(String rawPath, int start, int to) {
    int slash = rawPath.indexOf('/', start);
    return slash < 0 || slash > to ? to : slash;
  }
}
