package dev.parley.application.service;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.error.InvalidInputException;
import dev.parley.application.error.NotFoundException;
import dev.parley.application.port.in.MessageView;
import dev.parley.application.port.in.PostMessageCommand;
import dev.parley.application.port.in.PostMessageUseCase;
import dev.parley.application.port.in.PostedMessage;
import dev.parley.application.port.in.RateLimitStatus;
import dev.parley.application.port.out.AppendResult;
import dev.parley.application.port.out.IdGeneratorPort;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.application.port.out.RateLimitPort.Limit;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.access.Role;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.message.ClientMessageId;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageBody;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.message.NewMessage;
import dev.parley.domain.message.ThreadRules;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/** Posts messages and thread replies, idempotently per client message id. */
public final class PostMessageService implements PostMessageUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final MessageStorePort messages;
  private final IdGeneratorPort ids;
  private final RateLimits rateLimits;
  private final ChatSettings settings;
  private final EventPublisher events;
  private final Views views;
  private final MentionNotifier mentions;
  private final BlockGuard blocks;

  @Inject
  PostMessageService(
      CommandValidator validator,
      RoomAccess access,
      MessageStorePort messages,
      IdGeneratorPort ids,
      RateLimits rateLimits,
      ChatSettings settings,
      EventPublisher events,
      Views views,
      MentionNotifier mentions,
      BlockGuard blocks) {
    this.validator = validator;
    this.access = access;
    this.messages = messages;
    this.ids = ids;
    this.rateLimits = rateLimits;
    this.settings = settings;
    this.events = events;
    this.views = views;
    this.mentions = mentions;
    this.blocks = blocks;
  }

  @Override
  public PostedMessage postMessage(PostMessageCommand command) {
    validator.validate(command);
    RoomId roomId = RoomId.of(command.roomId());
    boolean reply = command.parentId() != null;
    RoomContext context = access.enter(command.actor(), roomId, reply ? Action.REPLY : Action.POST);
    Room room = context.room();
    MessageBody body = MessageTexts.require(command.text(), room.settings().maxMessageLength());
    ClientMessageId clientMessageId =
        command.clientMessageId() == null ? null : ClientMessageId.of(command.clientMessageId());
    // Every retry of a keyed post carries the same id (see MessageStorePort#append).
    MessageId id =
        clientMessageId == null
            ? MessageId.of(ids.newId())
            : MessageId.forClientMessage(roomId, command.actor(), clientMessageId);
    if (clientMessageId != null) {
      // A retry is answered before the limits: it stores nothing, so it costs no permit.
      Optional<Message> original = messages.find(roomId, id);
      if (original.isPresent()) {
        return new PostedMessage(views.message(original.get()), true, null);
      }
    }
    blocks.requireNoBlock(room, command.actor());
    MessageId parentId = reply ? threadRoot(roomId, MessageId.of(command.parentId())) : null;
    String user = command.actor().value();
    RateLimitStatus rateLimit =
        rateLimits.require(
            "post:" + user, settings.postLimit(), context.now(), "too many messages");
    if (room.settings().slowModeOn() && !context.membership().role().atLeast(Role.MODERATOR)) {
      Limit slowMode = new Limit(1, Duration.ofSeconds(room.settings().slowModeSeconds()));
      rateLimit =
          rateLimit.tighter(
              rateLimits.require(
                  "slow:" + roomId.value() + ':' + user,
                  slowMode,
                  context.now(),
                  "slow mode is on"));
    }
    NewMessage draft =
        new NewMessage(id, roomId, command.actor(), body, parentId, clientMessageId, context.now());
    AppendResult result = messages.append(draft);
    if (result instanceof AppendResult.Replayed replayed) {
      return new PostedMessage(views.message(replayed.message()), true, null);
    }
    Message posted = result.message();
    events.publish(new ChatEvent.MessagePosted(posted, context.now()), context.now());
    mentions.posted(posted, context.now());
    // A new message has no reactions yet: skip the lookup on the hot path.
    return new PostedMessage(MessageView.of(posted), false, rateLimit);
  }

  private MessageId threadRoot(RoomId roomId, MessageId parentId) {
    Message parent =
        messages
            .find(roomId, parentId)
            .orElseThrow(() -> NotFoundException.message(parentId.value()));
    ThreadRules.problemWithParent(parent, roomId)
        .ifPresent(
            problem -> {
              throw InvalidInputException.of("parentId", threadProblem(problem));
            });
    return parentId;
  }

  private static String threadProblem(ThreadRules.Problem problem) {
    return switch (problem) {
      case PARENT_IS_A_REPLY -> "threads are one level deep: reply to the thread root";
      case PARENT_DELETED -> "the message replied to was deleted";
      case PARENT_IN_OTHER_ROOM -> "the message replied to is in another room";
    };
  }
}
