package dev.parley.application.error;

import dev.parley.domain.access.DenialReason;

/** The caller may see the room but not do this in it; carries the policy's reason. */
public final class ForbiddenException extends ChatException {
  private final DenialReason reason;

  public ForbiddenException(DenialReason reason) {
    super(reason.message());
    this.reason = reason;
  }

  public DenialReason reason() {
    return reason;
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.FORBIDDEN;
  }
}
