package dev.parley.application.port.in;

import java.util.function.Supplier;

/**
 * A use case's answer with where the caller stands against the rate limit the request counted
 * towards, for an edge to report ({@code X-RateLimit-*}).
 *
 * <p>The status travels beside the answer rather than in every use case's return type: only an edge
 * cares about it, and most callers (other use cases, tests, the WebSocket acks) would have to
 * unwrap it. {@link #of} opens a scope on the calling thread for one call; the core notes each
 * permit it takes into the innermost open scope ({@link #note}), and outside a scope noting costs
 * one thread-local read. Use cases run on the caller's thread, so the scope sees every permit.
 *
 * @param value the use case's answer; may be null when the use case answers nothing
 * @param rateLimit the tighter status of the permits the call took, or null when it took none
 */
public record Metered<T>(T value, RateLimitStatus rateLimit) {
  private static final ThreadLocal<RateLimitStatus[]> SCOPE = new ThreadLocal<>();

  /** Runs {@code call} and answers its value with the rate-limit status of the permits it took. */
  public static <T> Metered<T> of(Supplier<T> call) {
    RateLimitStatus[] outer = SCOPE.get();
    RateLimitStatus[] slot = new RateLimitStatus[1];
    SCOPE.set(slot);
    try {
      T value = call.get();
      return new Metered<>(value, slot[0]);
    } finally {
      if (outer == null) {
        SCOPE.remove();
      } else {
        SCOPE.set(outer);
      }
    }
  }

  /**
   * Records a permit taken on this thread in the innermost open scope, keeping the tighter status
   * when a call takes several; does nothing outside a scope.
   */
  public static void note(RateLimitStatus status) {
    RateLimitStatus[] slot = SCOPE.get();
    if (slot != null) {
      slot[0] = slot[0] == null ? status : slot[0].tighter(status);
    }
  }
}
