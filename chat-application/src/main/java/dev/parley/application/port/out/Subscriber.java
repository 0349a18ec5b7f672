package dev.parley.application.port.out;

import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.user.UserId;

/** A connection subscribed to a room, with the user it belongs to. */
public record Subscriber(ConnectionId connectionId, UserId userId) {}
