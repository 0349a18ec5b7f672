package dev.parley.protocol.json;

import dev.parley.application.error.Violation;
import dev.parley.protocol.http.Problem;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code reason} is a stable sub-code (such as {@code muted} or
 * {@code last-owner}) where one helps; {@code violations} lists every field problem.
 */
public record ProblemJson(
    String type,
    String title,
    int status,
    String detail,
    String reason,
    String instance,
    List<ViolationJson> violations) {

  /** One field violation. */
  public record ViolationJson(String field, String message) {
    static ViolationJson of(Violation v) {
      return new ViolationJson(v.field(), v.message());
    }
  }

  public static ProblemJson of(Problem problem, String requestId) {
    return new ProblemJson(
        problem.type().uri(),
        problem.type().title(),
        problem.type().status(),
        problem.detail(),
        problem.reason(),
        requestId == null ? null : "urn:parley:request:" + requestId,
        problem.violations().isEmpty()
            ? null
            : problem.violations().stream().map(ViolationJson::of).toList());
  }
}
