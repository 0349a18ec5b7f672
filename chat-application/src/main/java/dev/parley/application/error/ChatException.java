package dev.parley.application.error;

/**
 * The one exception family use cases throw. The domain answers with values; a use case turns a
 * refusal into one of these so that every edge (REST, WebSocket, Lambda) maps errors in one
 * exhaustive switch. Stack traces are not captured for refusals: they are expected outcomes, not
 * bugs, and a post that is refused must stay cheap.
 */
public abstract sealed class ChatException extends RuntimeException
    permits NotFoundException,
        ForbiddenException,
        ConflictException,
        InvalidInputException,
        RateLimitedException,
        StoreUnavailableException,
        SearchUnavailableException {

  protected ChatException(String message) {
    super(message, null, false, false);
  }

  protected ChatException(String message, Throwable cause) {
    super(message, cause, false, true);
  }

  public abstract ErrorKind kind();
}
