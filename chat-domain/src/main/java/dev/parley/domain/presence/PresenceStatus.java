package dev.parley.domain.presence;

/** Where a user is. */
public enum PresenceStatus {
  /** At least one live connection with recent activity. */
  ONLINE,
  /** Connected, but idle on every connection for longer than the idle time. */
  AWAY,
  /** No live connection. */
  OFFLINE
}
