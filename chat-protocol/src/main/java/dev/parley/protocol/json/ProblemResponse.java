package dev.parley.protocol.json;

import dev.parley.protocol.http.ApiResponse;
import dev.parley.protocol.http.Problem;
import dev.parley.protocol.http.ProblemType;
import java.util.Map;

/**
 * A problem as an {@code application/problem+json} response. Needs no request, so a runtime can
 * answer what never reached routing (an unreadable request, a refused handshake) in the same shape
 * as the API's own answers.
 */
public final class ProblemResponse {
  private ProblemResponse() {}

  /** The problem with its headers; {@code requestId} may be null when there is none to quote. */
  public static ApiResponse of(Problem problem, String requestId) {
    ApiResponse response =
        new ApiResponse(
            problem.type().status(),
            Map.of("Content-Type", ApiResponse.PROBLEM_JSON),
            Json.write(ProblemJson.of(problem, requestId)));
    for (Map.Entry<String, String> header : problem.headers().entrySet()) {
      response = response.withHeader(header.getKey(), header.getValue());
    }
    return response;
  }

  public static ApiResponse of(ProblemType type, String detail, String requestId) {
    return of(Problem.of(type, detail), requestId);
  }
}
