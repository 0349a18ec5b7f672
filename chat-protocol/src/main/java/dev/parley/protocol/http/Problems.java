package dev.parley.protocol.http;

import dev.parley.application.error.ChatException;
import dev.parley.application.error.ConflictException;
import dev.parley.application.error.ErrorKind;
import dev.parley.application.error.ForbiddenException;
import dev.parley.application.error.InvalidInputException;
import dev.parley.application.error.NotFoundException;
import dev.parley.application.error.RateLimitedException;
import dev.parley.application.error.SearchUnavailableException;
import dev.parley.application.error.StoreUnavailableException;
import dev.parley.application.port.in.RateLimitStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps every refusal and fault to a {@link Problem}: the one place errors become wire errors. */
public final class Problems {
  private Problems() {}

  /** The problem for a use case's refusal. Exhaustive over the sealed family. */
  public static Problem of(ChatException e) {
    return switch (e) {
      case NotFoundException nf -> Problem.of(ProblemType.NOT_FOUND, nf.getMessage());
      case ForbiddenException f ->
          new Problem(
              ProblemType.FORBIDDEN, f.getMessage(), f.reason().code(), List.of(), Map.of());
      case ConflictException c -> Problem.of(ProblemType.CONFLICT, c.getMessage());
      case InvalidInputException i ->
          new Problem(ProblemType.INVALID_INPUT, i.getMessage(), null, i.violations(), Map.of());
      case RateLimitedException r -> rateLimited(r);
      case SearchUnavailableException s ->
          Problem.of(ProblemType.SEARCH_UNAVAILABLE, s.getMessage());
      case StoreUnavailableException s ->
          new Problem(
              ProblemType.STORE_UNAVAILABLE,
              "the store is unavailable; retry later",
              null,
              List.of(),
              Map.of("Retry-After", Problem.seconds(s.retryAfter())));
    };
  }

  /** The problem for an error known only by its kind (a refused room of a subscribe). */
  public static Problem of(ErrorKind kind, String detail) {
    ProblemType type =
        switch (kind) {
          case NOT_FOUND -> ProblemType.NOT_FOUND;
          case FORBIDDEN -> ProblemType.FORBIDDEN;
          case CONFLICT -> ProblemType.CONFLICT;
          case INVALID_INPUT -> ProblemType.INVALID_INPUT;
          case RATE_LIMITED -> ProblemType.RATE_LIMITED;
          case STORE_UNAVAILABLE -> ProblemType.STORE_UNAVAILABLE;
          case SEARCH_UNAVAILABLE -> ProblemType.SEARCH_UNAVAILABLE;
        };
    return Problem.of(type, detail);
  }

  /** A 500 that tells the client nothing about the internals. */
  public static Problem internal(String requestId) {
    return Problem.of(
        ProblemType.INTERNAL, "an unexpected error occurred; request id " + requestId);
  }

  private static Problem rateLimited(RateLimitedException r) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Retry-After", Problem.seconds(r.retryAfter()));
    // A refusal leaves nothing until the window resets. Built here rather than by the exception,
    // so that the error package does not depend on port.in (a package cycle).
    headers.putAll(RateLimitHeaders.of(new RateLimitStatus(r.limit(), 0, r.resetAt())));
    return new Problem(ProblemType.RATE_LIMITED, r.getMessage(), null, List.of(), headers);
  }
}
