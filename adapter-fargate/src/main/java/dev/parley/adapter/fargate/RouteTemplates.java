package dev.parley.adapter.fargate;

import dev.parley.protocol.rest.Route;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names a request path for logs: the route template it matches ({@code /rooms/{roomId}/messages}),
 * so access logs group by endpoint and carry no ids, and the room id for the {@code roomId} MDC
 * key.
 */
final class RouteTemplates {
  /** An unmatched path is logged as is, cut to this length. */
  private static final int MAX_LOGGED_PATH = 200;

  private final Map<String, List<String>> templates = new LinkedHashMap<>();

  RouteTemplates(List<Route> routes) {
    for (Route route : routes) {
      templates.putIfAbsent(route.path().template(), route.path().segments());
    }
  }

  /** The template {@code rawPath} matches (whatever the method), else the path, shortened. */
  String describe(String rawPath) {
    List<String> segments = segments(rawPath);
    for (Map.Entry<String, List<String>> template : templates.entrySet()) {
      if (matches(template.getValue(), segments)) {
        return template.getKey();
      }
    }
    return rawPath.length() <= MAX_LOGGED_PATH
        ? rawPath
        : rawPath.substring(0, MAX_LOGGED_PATH) + "...";
  }

  /** The decoded {@code roomId} of a {@code /rooms/{roomId}...} path, or null. */
  static String roomId(String rawPath) {
    List<String> segments = segments(rawPath);
    if (segments.size() < 2 || !segments.get(0).equals("rooms") || segments.get(1).isEmpty()) {
      return null;
    }
    String raw = segments.get(1);
    if (raw.length() > 128) {
      return null; // not a room id; not worth a log field
    }
    try {
      // '+' is a plus in a path, not a space.
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  private static boolean matches(List<String> template, List<String> segments) {
    if (template.size() != segments.size()) {
      return false;
    }
    for (int i = 0; i < template.size(); i++) {
      String expected = template.get(i);
      boolean variable = expected.startsWith("{") && expected.endsWith("}");
      if (variable ? segments.get(i).isEmpty() : !expected.equals(segments.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static List<String> segments(String rawPath) {
    String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return new ArrayList<>(List.of(path.split("/", -1)));
  }
}
