package dev.parley.application.port.in;

import dev.parley.domain.presence.Presence;

/** Reads the presence (online, away, offline) of a room's members, page by page. */
public interface GetRoomPresenceUseCase {
  Page<Presence> getRoomPresence(GetRoomPresenceQuery query);
}
