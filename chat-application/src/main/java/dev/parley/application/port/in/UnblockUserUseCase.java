package dev.parley.application.port.in;

/** Lifts a block; idempotent (unblocking someone not blocked is no error). */
public interface UnblockUserUseCase {
  void unblockUser(UnblockUserCommand command);
}
