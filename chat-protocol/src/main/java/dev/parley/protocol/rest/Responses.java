package dev.parley.protocol.rest;

import dev.parley.protocol.http.ApiResponse;
import dev.parley.protocol.json.Json;
import java.util.Map;

/** Shortcuts for the usual successful responses. */
final class Responses {
  private Responses() {}

  static ApiResponse ok(Object body) {
    return ApiResponse.json(200, Json.write(body));
  }

  static ApiResponse created(Object body, String location) {
    // Both headers at once: withHeader copies the map twice, and every post answers with this.
    return new ApiResponse(
        201, Map.of("Content-Type", ApiResponse.JSON, "Location", location), Json.write(body));
  }

  static ApiResponse noContent() {
    return ApiResponse.noContent();
  }
}
