package dev.parley.application.port.in;

import dev.parley.domain.member.Ban;

/**
 * Bans a user from a room, removing them if they are a member and closing their live connections.
 * Needs {@code BAN} and a role above the target's. A banned user cannot rejoin or be invited until
 * the ban is lifted or expires.
 */
public interface BanMemberUseCase {
  Ban banMember(BanMemberCommand command);
}
