package dev.parley.protocol.rest;

import dev.parley.domain.user.UserId;
import dev.parley.protocol.http.ApiResponse;
import java.util.Objects;

/**
 * What {@link RestApi#handle} answers: the response to write and the facts of the access log, so
 * that no runtime matches the path or checks the token a second time.
 *
 * @param response the response to write as is; never null
 * @param route the template of the matched route, such as {@code /rooms/{roomId}/messages}
 *     (whatever the method), or null when no route has this path
 * @param roomId the decoded {@code roomId} of the matched route, or null
 * @param user the authenticated caller, or null when the request was not authenticated
 * @param fault the unexpected exception behind a 500, for the runtime to log; null otherwise
 */
public record RestOutcome(
    ApiResponse response, String route, String roomId, UserId user, Throwable fault) {
  /** An unmatched path is logged as is, cut to this length. */
  static final int MAX_LOGGED_PATH = 200;

  public RestOutcome {
    Objects.requireNonNull(response, "response");
  }

  /** An answer given before routing (the request could not be read), with its fault or null. */
  public static RestOutcome unrouted(ApiResponse response, Throwable fault) {
    return new RestOutcome(response, null, null, null, fault);
  }

  /**
   * How the access log names the request: the route template, so that lines group by endpoint and
   * carry no ids, else the raw path, shortened. Never null.
   */
  public String describe(String rawPath) {
    if (route != null) {
      return route;
    }
    return rawPath.length() <= MAX_LOGGED_PATH
        ? rawPath
        : rawPath.substring(0, MAX_LOGGED_PATH) + "...";
  }
}
