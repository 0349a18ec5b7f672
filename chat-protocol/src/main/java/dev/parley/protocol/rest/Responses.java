package dev.parley.protocol.rest;

import dev.parley.protocol.http.ApiResponse;
import dev.parley.protocol.json.Json;

/** Shortcuts for the usual successful responses. */
final class Responses {
  private Responses() {}

  static ApiResponse ok(Object body) {
    return ApiResponse.json(200, Json.write(body));
  }

  static ApiResponse created(Object body, String location) {
    return ApiResponse.json(201, Json.write(body)).withHeader("Location", location);
  }

  static ApiResponse noContent() {
    return ApiResponse.noContent();
  }
}
