package dev.parley.application.port.in;

import dev.parley.domain.member.Membership;

/** Lifts a mute. Needs {@code MUTE}; idempotent. */
public interface UnmuteMemberUseCase {
  Membership unmuteMember(UnmuteMemberCommand command);
}
