package dev.parley.application.port.out;

/**
 * Whether the store answers at all, for readiness probes: a load balancer stops sending traffic to
 * a node whose store is unreachable instead of letting every request fail.
 */
public interface StoreHealthPort {
  /**
   * Checks the store with a cheap round trip; never throws and returns within a short, bounded time
   * (a probe that hangs is as bad as a store that does).
   */
  boolean isAvailable();
}
