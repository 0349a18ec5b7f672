package dev.parley.application.service;

import dev.parley.application.port.in.GetMessageQuery;
import dev.parley.application.port.in.GetMessageUseCase;
import dev.parley.application.port.in.MessageView;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;

/** Reads one message. */
public final class GetMessageService implements GetMessageUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final MessageLookup lookup;
  private final Views views;

  @Inject
  GetMessageService(
      CommandValidator validator, RoomAccess access, MessageLookup lookup, Views views) {
    this.validator = validator;
    this.access = access;
    this.lookup = lookup;
    this.views = views;
  }

  @Override
  public MessageView getMessage(GetMessageQuery query) {
    validator.validate(query);
    RoomId roomId = RoomId.of(query.roomId());
    access.enter(query.actor(), roomId, Action.READ);
    return views.message(lookup.require(roomId, query.messageId()));
  }
}
