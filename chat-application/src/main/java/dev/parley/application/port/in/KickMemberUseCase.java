package dev.parley.application.port.in;

/**
 * Removes a member from a room and closes their live connections to it. Needs {@code KICK} and a
 * role above the target's.
 */
public interface KickMemberUseCase {
  void kickMember(KickMemberCommand command);
}
