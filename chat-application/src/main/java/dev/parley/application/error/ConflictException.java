package dev.parley.application.error;

/** The request is well formed but clashes with the current state (editing a deleted message). */
public final class ConflictException extends ChatException {
  public ConflictException(String message) {
    super(message);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.CONFLICT;
  }
}
