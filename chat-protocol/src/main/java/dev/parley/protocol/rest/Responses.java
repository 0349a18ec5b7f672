package dev.parley.protocol.rest;

import dev.parley.application.port.in.Metered;
import dev.parley.protocol.http.ApiResponse;
import dev.parley.protocol.http.RateLimitHeaders;
import dev.parley.protocol.json.Json;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

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

  /**
   * The 200 of a rate-limited route: runs {@code call} and answers its value as {@code json} makes
   * it, with the {@code X-RateLimit-*} headers of the permit the call took (none when it took none,
   * such as a retried deletion). A refusal is a {@code RateLimitedException}, whose 429 carries the
   * same headers.
   */
  static <T> ApiResponse okMetered(Supplier<T> call, Function<T, ?> json) {
    Metered<T> metered = Metered.of(call);
    return ok(json.apply(metered.value())).withHeaders(RateLimitHeaders.of(metered.rateLimit()));
  }

  static ApiResponse noContent() {
    return ApiResponse.noContent();
  }
}
