package dev.parley.application.port.in;

import dev.parley.domain.member.Ban;

/**
 * Lists a room's bans in force, by user id, for whoever may ban there ({@code BAN} in the room's
 * permissions).
 */
public interface ListBansUseCase {
  Page<Ban> listBans(ListBansQuery query);
}
