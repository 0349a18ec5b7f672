package dev.parley.application.error;

/**
 * This store has no search index: message search needs one (an external index such as OpenSearch,
 * plugged in as a {@code MessageSearchPort} adapter). Not a fault of the request, nor one that goes
 * away on retry.
 */
public final class SearchUnavailableException extends ChatException {
  public SearchUnavailableException(String message) {
    super(message);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.SEARCH_UNAVAILABLE;
  }
}
