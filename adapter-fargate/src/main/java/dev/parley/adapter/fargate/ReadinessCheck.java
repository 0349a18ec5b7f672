package dev.parley.adapter.fargate;

/**
 * An extra condition for {@code GET /health/ready}, on top of the store check the server always
 * makes (for example "the cache is warm" or "the event bus is connected"). Add one with {@link
 * ChatServer#addReadinessCheck(ReadinessCheck)}.
 *
 * <p>Called on every readiness probe, from any thread: implementations must be thread-safe, cheap,
 * and return within a short, bounded time. An exception counts as "not ready" and is logged.
 */
@FunctionalInterface
public interface ReadinessCheck {
  /** Whether this node may receive traffic now. */
  boolean ready();
}
