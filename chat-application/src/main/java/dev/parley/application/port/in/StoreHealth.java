package dev.parley.application.port.in;

/** Whether the store answers: {@link Available} or {@link Unavailable}. Never null. */
public sealed interface StoreHealth permits StoreHealth.Available, StoreHealth.Unavailable {

  /** The store answered a cheap round trip. */
  record Available() implements StoreHealth {}

  /** The store did not answer in time, or failed; traffic should go to another node. */
  record Unavailable() implements StoreHealth {}
}
