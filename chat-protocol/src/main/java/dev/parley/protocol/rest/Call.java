package dev.parley.protocol.rest;

import dev.parley.application.error.InvalidInputException;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.http.ApiRequest;
import dev.parley.protocol.http.ProblemException;
import dev.parley.protocol.http.ProblemType;
import dev.parley.protocol.json.Json;
import java.util.Locale;
import java.util.Map;

/**
 * One authenticated request matched to a route: the caller, the path variables, and typed access to
 * the query and the JSON body, each reporting bad input as a clear problem.
 */
public record Call(ApiRequest request, UserId user, Map<String, String> pathVariables) {

  public String path(String name) {
    return pathVariables.get(name);
  }

  /** The body as {@code type}; an empty body is malformed. */
  public <T> T body(Class<T> type) {
    T value = optionalBody(type);
    if (value == null) {
      throw ProblemException.of(ProblemType.MALFORMED_REQUEST, "a JSON body is required");
    }
    return value;
  }

  /** The body as {@code type}, or null when the request has no body. */
  public <T> T optionalBody(Class<T> type) {
    if (request.body().length == 0) {
      return null;
    }
    requireJson(request.header("content-type"));
    return Json.read(request.body(), type);
  }

  public String query(String name) {
    return request.queryParam(name);
  }

  public Integer queryInt(String name) {
    Long value = queryLong(name);
    if (value == null) {
      return null;
    }
    if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
      throw InvalidInputException.of(name, "is out of range");
    }
    return value.intValue();
  }

  public Long queryLong(String name) {
    String raw = request.queryParam(name);
    if (raw == null) {
      return null;
    }
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw InvalidInputException.of(name, "must be a whole number");
    }
  }

  /** JSON bodies must say so, in UTF-8 (the default for application/json). */
  static void requireJson(String contentType) {
    if (contentType == null) {
      throw unsupported("a body needs Content-Type: application/json");
    }
    // -1 keeps the empty parts: a header of only separators (";;;") splits to nothing otherwise.
    String[] parts = contentType.toLowerCase(Locale.ROOT).split(";", -1);
    String media = parts[0].trim();
    if (!media.equals("application/json") && !media.endsWith("+json")) {
      throw unsupported("Content-Type must be application/json, was " + media);
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim();
      if (parameter.startsWith("charset=")) {
        String charset = parameter.substring("charset=".length()).replace("\"", "");
        if (!charset.equals("utf-8")) {
          throw unsupported("JSON bodies must be UTF-8, was " + charset);
        }
      }
    }
  }

  private static ProblemException unsupported(String detail) {
    return ProblemException.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
  }
}
