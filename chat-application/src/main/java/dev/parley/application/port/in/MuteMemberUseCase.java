package dev.parley.application.port.in;

import dev.parley.domain.member.Membership;

/**
 * Mutes a member: they can still read but not post, reply or react. Needs {@code MUTE} and a role
 * above the target's.
 */
public interface MuteMemberUseCase {
  Membership muteMember(MuteMemberCommand command);
}
