package dev.parley.application.error;

/** The kinds of error every edge maps, each to one stable problem type and status. */
public enum ErrorKind {
  NOT_FOUND,
  FORBIDDEN,
  CONFLICT,
  INVALID_INPUT,
  RATE_LIMITED,
  STORE_UNAVAILABLE,
  SEARCH_UNAVAILABLE
}
