package dev.parley.application.port.in;

/**
 * Tells a runtime's readiness probe whether the store answers. Never throws and returns within a
 * short, bounded time (a probe that hangs is as bad as a store that does).
 */
public interface CheckStoreHealthUseCase {
  StoreHealth checkStoreHealth(CheckStoreHealthQuery query);
}
