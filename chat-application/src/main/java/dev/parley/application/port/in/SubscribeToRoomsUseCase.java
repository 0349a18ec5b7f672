package dev.parley.application.port.in;

import java.util.List;

/**
 * Subscribes a connection to rooms so it receives their events, each with an optional resume from a
 * sequence. Each room succeeds or fails on its own.
 */
public interface SubscribeToRoomsUseCase {
  List<SubscriptionOutcome> subscribeToRooms(SubscribeToRoomsCommand command);
}
