package dev.parley.protocol.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the protocol answers; the runtime writes it out as is.
 *
 * @param headers response headers, including Content-Type when there is a body
 * @param body never null; empty for 204
 */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {
  public static final String JSON = "application/json; charset=utf-8";
  public static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";

  public ApiResponse {
    headers = Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  public static ApiResponse json(int status, byte[] body) {
    return new ApiResponse(status, Map.of("Content-Type", JSON), body);
  }

  public static ApiResponse noContent() {
    return new ApiResponse(204, Map.of(), new byte[0]);
  }

  public ApiResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ApiResponse(status, copy, body);
  }

  /** The same response with more headers (replacing any of the same names). */
  public ApiResponse withHeaders(Map<String, String> more) {
    if (more.isEmpty()) {
      return this;
    }
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.putAll(more);
    return new ApiResponse(status, copy, body);
  }

  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
