package dev.parley.application.port.in;

import dev.parley.domain.member.Membership;

/**
 * Adds a user to a room as a member or guest. Needs {@code INVITE}; a banned user cannot be
 * invited. Idempotent: inviting a member returns their membership unchanged.
 */
public interface InviteMemberUseCase {
  Membership inviteMember(InviteMemberCommand command);
}
