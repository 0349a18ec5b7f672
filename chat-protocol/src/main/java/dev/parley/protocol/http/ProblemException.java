package dev.parley.protocol.http;

/**
 * A refusal found by the protocol itself (before or around a use case): malformed JSON, a wrong
 * content type, a missing token. Stack traces are not captured; these are expected outcomes.
 */
public final class ProblemException extends RuntimeException {
  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  public static ProblemException of(ProblemType type, String detail) {
    return new ProblemException(Problem.of(type, detail));
  }

  public Problem problem() {
    return problem;
  }
}
