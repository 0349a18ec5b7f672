package dev.parley.application.service;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.error.ChatException;
import dev.parley.application.port.in.Resume;
import dev.parley.application.port.in.RoomSubscription;
import dev.parley.application.port.in.SubscribeToRoomsCommand;
import dev.parley.application.port.in.SubscribeToRoomsUseCase;
import dev.parley.application.port.in.SubscriptionOutcome;
import dev.parley.application.port.out.ClockPort;
import dev.parley.application.port.out.RoomSubscriptionPort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.presence.Connection;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** Subscribes a connection to rooms, each with an optional resume. */
public final class SubscribeToRoomsService implements SubscribeToRoomsUseCase {
  private final CommandValidator validator;
  private final RateLimits rateLimits;
  private final ChatSettings settings;
  private final ConnectionOwnership ownership;
  private final RoomAccess access;
  private final RoomSubscriptionPort subscriptions;
  private final RoomResumer resumer;
  private final ClockPort clock;

  @Inject
  SubscribeToRoomsService(
      CommandValidator validator,
      ConnectionOwnership ownership,
      RoomAccess access,
      RoomSubscriptionPort subscriptions,
      RoomResumer resumer,
      ClockPort clock,
      RateLimits rateLimits,
      ChatSettings settings) {
    this.validator = validator;
    this.rateLimits = rateLimits;
    this.settings = settings;
    this.ownership = ownership;
    this.access = access;
    this.subscriptions = subscriptions;
    this.resumer = resumer;
    this.clock = clock;
  }

  @Override
  public List<SubscriptionOutcome> subscribeToRooms(SubscribeToRoomsCommand command) {
    validator.validate(command);
    Connection connection = ownership.require(command.actor(), command.connectionId(), clock.now());
    // One permit per subscribe request, however many rooms it names (their number is capped).
    rateLimits.require(
        "subscribe:" + command.actor().value(),
        settings.subscribeLimit(),
        clock.now(),
        "too many subscribe requests");
    List<SubscriptionOutcome> outcomes = new ArrayList<>(command.rooms().size());
    for (RoomSubscription request : command.rooms()) {
      RoomId roomId = RoomId.of(request.roomId());
      try {
        access.enter(command.actor(), roomId, Action.READ);
        // Subscribe before reading what was missed: an event in between arrives twice (clients
        // drop duplicates by sequence) instead of falling into a gap.
        subscriptions.subscribe(roomId, connection.id(), command.actor());
        Resume resume =
            request.afterSeq() == null ? null : resumer.resume(roomId, request.afterSeq(), null);
        outcomes.add(new SubscriptionOutcome.Subscribed(roomId, resume));
      } catch (ChatException refused) {
        outcomes.add(new SubscriptionOutcome.Refused(roomId, refused.kind(), refused.getMessage()));
      }
    }
    return outcomes;
  }
}
