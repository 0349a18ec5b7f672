package dev.parley.application.port.in;

/** Lifts a ban. Needs {@code BAN}; idempotent. */
public interface UnbanMemberUseCase {
  void unbanMember(UnbanMemberCommand command);
}
