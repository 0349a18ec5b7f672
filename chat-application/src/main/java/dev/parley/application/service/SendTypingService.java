package dev.parley.application.service;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.in.SendTypingCommand;
import dev.parley.application.port.in.SendTypingUseCase;
import dev.parley.application.port.in.TypingState;
import dev.parley.application.port.out.TypingPort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** Records typing notices and tells the room who is typing. */
public final class SendTypingService implements SendTypingUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final TypingPort typing;
  private final RateLimits rateLimits;
  private final ChatSettings settings;
  private final EventPublisher events;

  @Inject
  SendTypingService(
      CommandValidator validator,
      RoomAccess access,
      TypingPort typing,
      RateLimits rateLimits,
      ChatSettings settings,
      EventPublisher events) {
    this.validator = validator;
    this.access = access;
    this.typing = typing;
    this.rateLimits = rateLimits;
    this.settings = settings;
    this.events = events;
  }

  @Override
  public TypingState sendTyping(SendTypingCommand command) {
    validator.validate(command);
    RoomId roomId = RoomId.of(command.roomId());
    // Typing is a form of speaking: guests and muted members cannot.
    RoomContext context = access.enter(command.actor(), roomId, Action.POST);
    if (!context.room().settings().typingEvents()) {
      return new TypingState(List.of(), false);
    }
    Instant now = context.now();
    UserId user = command.actor();
    if (!command.typing()) {
      List<UserId> typers = typing.stopTyping(roomId, user, now);
      events.publish(new ChatEvent.TypingChanged(roomId, typers, now), now);
      return new TypingState(typers, true);
    }
    List<UserId> typers =
        typing.startTyping(roomId, user, now.plus(settings.presence().typingTtl()), now);
    // Over the limit the expiry is still extended, only the broadcast is skipped.
    String key = "typing:" + roomId.value() + ':' + user.value();
    if (!rateLimits.tryAcquire(key, settings.typingLimit(), now)) {
      return new TypingState(typers, false);
    }
    events.publish(new ChatEvent.TypingChanged(roomId, typers, now), now);
    return new TypingState(typers, true);
  }
}
