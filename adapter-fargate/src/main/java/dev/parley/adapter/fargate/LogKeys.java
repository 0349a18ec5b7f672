package dev.parley.adapter.fargate;

/** The MDC keys this runtime sets, so log queries can filter on them. */
final class LogKeys {
  static final String REQUEST_ID = "requestId";
  static final String USER_ID = "userId";
  static final String ROOM_ID = "roomId";
  static final String CONNECTION_ID = "connectionId";

  /** The access log has a logger of its own, so it can be routed or muted separately. */
  static final String ACCESS_LOGGER = "dev.parley.adapter.fargate.access";

  private LogKeys() {}
}
