package dev.parley.application.port.in;

import dev.parley.domain.presence.Connection;

/** A registered connection, with the user's unread counts to show right away. */
public record Connected(Connection connection, UnreadCounts unread) {}
