package dev.parley.application.error;

/**
 * The room or message does not exist, or the caller may not know that it does (a private room of
 * which they are not a member): both look the same so that ids do not leak.
 */
public final class NotFoundException extends ChatException {
  public NotFoundException(String message) {
    super(message);
  }

  public static NotFoundException room(String roomId) {
    return new NotFoundException("room " + roomId + " not found");
  }

  public static NotFoundException message(String messageId) {
    return new NotFoundException("message " + messageId + " not found");
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.NOT_FOUND;
  }
}
