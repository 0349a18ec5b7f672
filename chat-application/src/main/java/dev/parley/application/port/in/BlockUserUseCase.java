package dev.parley.application.port.in;

/**
 * Blocks a user: direct rooms between the two refuse posts both ways, and the blocked user's
 * messages are marked for the caller. Idempotent.
 */
public interface BlockUserUseCase {
  void blockUser(BlockUserCommand command);
}
