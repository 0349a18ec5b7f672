package dev.parley.application.port.in;

import dev.parley.domain.member.Membership;

/**
 * Lists a room's muted members, by user id, for whoever may mute there ({@code MUTE} in the room's
 * permissions).
 */
public interface ListMutesUseCase {
  Page<Membership> listMutes(ListMutesQuery query);
}
