package dev.parley.local.apigateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.util.Fields;

/** The two ways API Gateway turns a raw query string into {@code queryStringParameters}. */
final class QueryStrings {
  private QueryStrings() {}

  /** The HTTP API's (payload 2.0): repeated parameters joined with commas. */
  static Map<String, String> joinedValues(String rawQuery) {
    Map<String, String> joined = new LinkedHashMap<>();
    parse(rawQuery).forEach(f -> joined.put(f.getName(), String.join(",", f.getValues())));
    return joined;
  }

  /** The WebSocket API's: one value per name, the last one. */
  static Map<String, String> lastValues(String rawQuery) {
    Map<String, String> values = new LinkedHashMap<>();
    parse(rawQuery).forEach(f -> values.put(f.getName(), f.getValues().getLast()));
    return values;
  }

  private static Fields parse(String rawQuery) {
    Fields fields = new Fields();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return fields;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        fields.add(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // A malformed escape: the raw query still reaches the function in rawQueryString.
      }
    }
    return fields;
  }
}
