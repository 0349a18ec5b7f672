package dev.parley.protocol.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.error.ChatException;
import dev.parley.application.error.InvalidInputException;
import dev.parley.application.port.in.AddReactionCommand;
import dev.parley.application.port.in.AddReactionUseCase;
import dev.parley.application.port.in.CloseConnectionCommand;
import dev.parley.application.port.in.CloseConnectionUseCase;
import dev.parley.application.port.in.Connected;
import dev.parley.application.port.in.DeleteMessageCommand;
import dev.parley.application.port.in.DeleteMessageUseCase;
import dev.parley.application.port.in.EditMessageCommand;
import dev.parley.application.port.in.EditMessageUseCase;
import dev.parley.application.port.in.GetConnectionOwnerQuery;
import dev.parley.application.port.in.GetConnectionOwnerUseCase;
import dev.parley.application.port.in.GetUnreadCountsQuery;
import dev.parley.application.port.in.GetUnreadCountsUseCase;
import dev.parley.application.port.in.MarkReadCommand;
import dev.parley.application.port.in.MarkReadUseCase;
import dev.parley.application.port.in.MarkUnreadCommand;
import dev.parley.application.port.in.MarkUnreadUseCase;
import dev.parley.application.port.in.OpenConnectionCommand;
import dev.parley.application.port.in.OpenConnectionUseCase;
import dev.parley.application.port.in.PostMessageCommand;
import dev.parley.application.port.in.PostMessageUseCase;
import dev.parley.application.port.in.PostedMessage;
import dev.parley.application.port.in.RecordHeartbeatCommand;
import dev.parley.application.port.in.RecordHeartbeatUseCase;
import dev.parley.application.port.in.RemoveReactionCommand;
import dev.parley.application.port.in.RemoveReactionUseCase;
import dev.parley.application.port.in.RoomSubscription;
import dev.parley.application.port.in.SendTypingCommand;
import dev.parley.application.port.in.SendTypingUseCase;
import dev.parley.application.port.in.SubscribeToRoomsCommand;
import dev.parley.application.port.in.SubscribeToRoomsUseCase;
import dev.parley.application.port.in.SubscriptionOutcome;
import dev.parley.application.port.in.UnsubscribeFromRoomsCommand;
import dev.parley.application.port.in.UnsubscribeFromRoomsUseCase;
import dev.parley.application.port.out.EventDeliveryPort.DisconnectReason;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.http.Problem;
import dev.parley.protocol.http.ProblemException;
import dev.parley.protocol.http.ProblemType;
import dev.parley.protocol.http.Problems;
import dev.parley.protocol.json.HistoryJson;
import dev.parley.protocol.json.Json;
import dev.parley.protocol.json.MessageJson;
import dev.parley.protocol.json.ProblemJson;
import dev.parley.protocol.json.ReadMarkerJson;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The WebSocket protocol, transport-neutral: the runtime calls {@link #open} when a client has
 * connected, {@link #receive} for each text frame and {@link #close} when it is gone, and sends
 * back the frames these return. Events reach clients separately, through the event-delivery port. A
 * bad frame or an unknown action gets an error frame; the connection stays open.
 */
@Singleton
public final class WebSocketApi {
  /** API Gateway's WebSocket message limit; runtimes close larger frames with 1009. */
  public static final int MAX_FRAME_BYTES = 128 * 1024;

  /** The actions clients may send. */
  public static final List<String> ACTIONS =
      List.of(
          "subscribe",
          "unsubscribe",
          "postMessage",
          "editMessage",
          "deleteMessage",
          "addReaction",
          "removeReaction",
          "typing",
          "markRead",
          "markUnread",
          "ping",
          "sayHello");

  private final OpenConnectionUseCase openConnection;
  private final CloseConnectionUseCase closeConnection;
  private final RecordHeartbeatUseCase recordHeartbeat;
  private final SubscribeToRoomsUseCase subscribe;
  private final UnsubscribeFromRoomsUseCase unsubscribe;
  private final PostMessageUseCase postMessage;
  private final SendTypingUseCase sendTyping;
  private final MarkReadUseCase markRead;
  private final GetConnectionOwnerUseCase connectionOwner;
  private final EditMessageUseCase editMessage;
  private final DeleteMessageUseCase deleteMessage;
  private final AddReactionUseCase addReaction;
  private final RemoveReactionUseCase removeReaction;
  private final MarkUnreadUseCase markUnread;
  private final GetUnreadCountsUseCase unreadCounts;

  @Inject
  public WebSocketApi(
      OpenConnectionUseCase openConnection,
      CloseConnectionUseCase closeConnection,
      RecordHeartbeatUseCase recordHeartbeat,
      SubscribeToRoomsUseCase subscribe,
      UnsubscribeFromRoomsUseCase unsubscribe,
      PostMessageUseCase postMessage,
      SendTypingUseCase sendTyping,
      MarkReadUseCase markRead,
      GetConnectionOwnerUseCase connectionOwner,
      EditMessageUseCase editMessage,
      DeleteMessageUseCase deleteMessage,
      AddReactionUseCase addReaction,
      RemoveReactionUseCase removeReaction,
      MarkUnreadUseCase markUnread,
      GetUnreadCountsUseCase unreadCounts) {
    this.openConnection = openConnection;
    this.closeConnection = closeConnection;
    this.recordHeartbeat = recordHeartbeat;
    this.subscribe = subscribe;
    this.unsubscribe = unsubscribe;
    this.postMessage = postMessage;
    this.sendTyping = sendTyping;
    this.markRead = markRead;
    this.connectionOwner = connectionOwner;
    this.editMessage = editMessage;
    this.deleteMessage = deleteMessage;
    this.addReaction = addReaction;
    this.removeReaction = removeReaction;
    this.markUnread = markUnread;
    this.unreadCounts = unreadCounts;
  }

  /**
   * Registers the connection. Never throws: answers the {@code hello} frame to send, or the problem
   * refusing the connection, which the runtime closes.
   */
  public Opening open(ConnectionId connection, UserId user) {
    try {
      Connected connected =
          openConnection.openConnection(new OpenConnectionCommand(user, connection.value()));
      return new Opened(
          Json.writeString(
              new ServerFrames.Hello(
                  "hello",
                  connection.value(),
                  user.value(),
                  ReadMarkerJson.UnreadJson.of(connected.unread()),
                  null)));
    } catch (ChatException e) {
      return new Refused(Problems.of(e), null);
    } catch (RuntimeException e) {
      return new Refused(Problems.internal(connection.value()), e);
    }
  }

  /** What {@link #open} answers; never null. */
  public sealed interface Opening permits Opened, Refused {}

  /** The connection is registered; send {@code hello} (never null) first. */
  public record Opened(String hello) implements Opening {}

  /**
   * The connection is not registered: {@code problem} (never null) says why, {@code fault} is the
   * unexpected exception behind an internal error, for the runtime's log, else null.
   */
  public record Refused(Problem problem, Throwable fault) implements Opening {}

  /** Forgets the connection; safe to call more than once. */
  public void close(ConnectionId connection) {
    closeConnection.closeConnection(new CloseConnectionCommand(connection.value()));
  }

  /**
   * Handles one text frame and returns the frame to answer with: an ack, a pong or an error. Never
   * throws for a client mistake; an unexpected fault comes back in {@link Reply#fault()}.
   */
  public Reply receive(ConnectionId connection, UserId user, String text) {
    String action = null;
    String requestId = null;
    try {
      JsonNode frame = Json.readTree(text.getBytes(StandardCharsets.UTF_8));
      if (!frame.isObject()) {
        throw InvalidInputException.of("", "a frame is a JSON object with an action");
      }
      action = frame.path("action").isTextual() ? frame.get("action").asText() : null;
      requestId = frame.path("requestId").isTextual() ? frame.get("requestId").asText() : null;
      if (requestId != null && requestId.length() > 128) {
        requestId = null;
        throw InvalidInputException.of("requestId", "must be at most 128 characters");
      }
      return new Reply(handle(action, requestId, frame, connection, user), null);
    } catch (ProblemException e) {
      return new Reply(error(action, requestId, e.problem()), null);
    } catch (ChatException e) {
      return new Reply(error(action, requestId, Problems.of(e)), null);
    } catch (RuntimeException e) {
      return new Reply(error(action, requestId, Problems.internal(connection.value())), e);
    }
  }

  /**
   * As {@link #receive(ConnectionId, UserId, String)}, for runtimes that know only the connection:
   * the user is the one it was opened for, and a frame on a connection that is not registered gets
   * an error frame asking the client to reconnect.
   */
  public Reply receive(ConnectionId connection, String text) {
    UserId user;
    try {
      user =
          connectionOwner
              .getConnectionOwner(new GetConnectionOwnerQuery(connection.value()))
              .orElse(null);
    } catch (ChatException e) {
      return new Reply(error(null, null, Problems.of(e)), null);
    } catch (RuntimeException e) {
      return new Reply(error(null, null, Problems.internal(connection.value())), e);
    }
    if (user == null) {
      return new Reply(
          error(
              null,
              null,
              Problem.of(
                  ProblemType.UNAUTHENTICATED, "this connection is not registered; reconnect")),
          null);
    }
    return receive(connection, user, text);
  }

  /**
   * The answer to a binary frame: the protocol is JSON text, so a {@code malformed-request} error
   * frame (every client frame is answered, and the connection stays open as after any error).
   */
  public Reply receiveBinary() {
    return new Reply(
        error(
            null,
            null,
            Problem.of(
                ProblemType.MALFORMED_REQUEST,
                "binary frames are not supported; send a JSON object in a text frame")),
        null);
  }

  /**
   * The answer to a frame on a connection whose token has expired, for runtimes that learn it only
   * when a frame arrives; the runtime then closes the connection.
   */
  public Reply tokenExpired() {
    return new Reply(
        error(
            null,
            null,
            Problem.of(
                ProblemType.UNAUTHENTICATED,
                Handshake.TOKEN_EXPIRED_REASON + "; reconnect with a fresh token")),
        null);
  }

  /**
   * The {@code closing} frame a runtime sends to a connection right before it cuts it for {@code
   * reason}, so that the client learns why whatever close code the transport can give.
   */
  public static String closing(DisconnectReason reason) {
    return Json.writeString(
        switch (reason) {
          case KICKED ->
              new ServerFrames.Closing(
                  "closing",
                  "kicked",
                  "you were removed from a room this connection subscribed to");
          case BANNED ->
              new ServerFrames.Closing(
                  "closing", "banned", "you were banned from a room this connection subscribed to");
        });
  }

  /** The answer to a frame, and the fault behind an internal error for the runtime's log. */
  public record Reply(String frame, Throwable fault) {}

  private String handle(
      String action, String requestId, JsonNode frame, ConnectionId connection, UserId user) {
    if (action == null) {
      throw InvalidInputException.of("action", "is required; one of " + ACTIONS);
    }
    return switch (action) {
      case "subscribe" -> ack(action, requestId, subscribe(frame, connection, user));
      case "unsubscribe" -> {
        ClientFrames.Unsubscribe f = Json.convert(frame, ClientFrames.Unsubscribe.class);
        unsubscribe.unsubscribeFromRooms(
            new UnsubscribeFromRoomsCommand(user, connection.value(), f.roomIds()));
        yield ack(action, requestId, Map.of("roomIds", f.roomIds()));
      }
      case "postMessage" -> ack(action, requestId, post(frame, user));
      case "typing" -> {
        ClientFrames.Typing f = Json.convert(frame, ClientFrames.Typing.class);
        var state =
            sendTyping.sendTyping(
                new SendTypingCommand(user, f.roomId(), f.typing() == null || f.typing()));
        yield ack(
            action,
            requestId,
            Map.of(
                "typers", state.typers().stream().map(UserId::value).toList(),
                "broadcast", state.broadcast()));
      }
      case "markRead" -> {
        ClientFrames.MarkRead f = Json.convert(frame, ClientFrames.MarkRead.class);
        if (f.sequence() == null) {
          throw InvalidInputException.of("sequence", "must not be null");
        }
        yield ack(
            action,
            requestId,
            ReadMarkerJson.of(
                markRead.markRead(new MarkReadCommand(user, f.roomId(), f.sequence()))));
      }
      case "markUnread" -> {
        ClientFrames.MarkUnread f = Json.convert(frame, ClientFrames.MarkUnread.class);
        if (f.sequence() == null) {
          throw InvalidInputException.of("sequence", "must not be null");
        }
        yield ack(
            action,
            requestId,
            ReadMarkerJson.of(
                markUnread.markUnread(new MarkUnreadCommand(user, f.roomId(), f.sequence()))));
      }
      case "editMessage" -> {
        ClientFrames.EditMessage f = Json.convert(frame, ClientFrames.EditMessage.class);
        yield ack(
            action,
            requestId,
            MessageJson.of(
                editMessage.editMessage(
                    new EditMessageCommand(user, f.roomId(), f.messageId(), f.text()))));
      }
      case "deleteMessage" -> {
        ClientFrames.DeleteMessage f = Json.convert(frame, ClientFrames.DeleteMessage.class);
        yield ack(
            action,
            requestId,
            MessageJson.of(
                deleteMessage.deleteMessage(
                    new DeleteMessageCommand(user, f.roomId(), f.messageId()))));
      }
      case "addReaction" -> {
        ClientFrames.AddReaction f = Json.convert(frame, ClientFrames.AddReaction.class);
        yield ack(
            action,
            requestId,
            MessageJson.of(
                addReaction.addReaction(
                    new AddReactionCommand(user, f.roomId(), f.messageId(), f.emoji()))));
      }
      case "removeReaction" -> {
        ClientFrames.RemoveReaction f = Json.convert(frame, ClientFrames.RemoveReaction.class);
        yield ack(
            action,
            requestId,
            MessageJson.of(
                removeReaction.removeReaction(
                    new RemoveReactionCommand(user, f.roomId(), f.messageId(), f.emoji()))));
      }
      case "ping" -> {
        ClientFrames.Ping f = Json.convert(frame, ClientFrames.Ping.class);
        recordHeartbeat.recordHeartbeat(
            new RecordHeartbeatCommand(user, connection.value(), f.active() != null && f.active()));
        yield Json.writeString(new ServerFrames.Pong("pong", requestId));
      }
      case "sayHello" -> {
        Json.convert(frame, ClientFrames.SayHello.class);
        yield Json.writeString(
            new ServerFrames.Hello(
                "hello",
                connection.value(),
                user.value(),
                ReadMarkerJson.UnreadJson.of(
                    unreadCounts.getUnreadCounts(new GetUnreadCountsQuery(user))),
                requestId));
      }
      default ->
          throw InvalidInputException.of(
              "action", "'" + action + "' is not an action; one of " + ACTIONS);
    };
  }

  private ServerFrames.SubscribeResult subscribe(
      JsonNode frame, ConnectionId connection, UserId user) {
    ClientFrames.Subscribe f = Json.convert(frame, ClientFrames.Subscribe.class);
    List<RoomSubscription> rooms = new ArrayList<>();
    if (f.rooms() != null) {
      for (ClientFrames.Subscribe.Room room : f.rooms()) {
        rooms.add(room == null ? null : new RoomSubscription(room.roomId(), room.afterSeq()));
      }
    }
    List<SubscriptionOutcome> outcomes =
        subscribe.subscribeToRooms(
            new SubscribeToRoomsCommand(
                user, connection.value(), f.rooms() == null ? null : rooms));
    List<ServerFrames.RoomResult> results = new ArrayList<>(outcomes.size());
    for (SubscriptionOutcome outcome : outcomes) {
      results.add(
          switch (outcome) {
            case SubscriptionOutcome.Subscribed ok ->
                new ServerFrames.RoomResult(
                    ok.roomId().value(),
                    true,
                    ok.resume() == null ? null : HistoryJson.ResumeJson.of(ok.resume()),
                    null);
            case SubscriptionOutcome.Refused refused ->
                new ServerFrames.RoomResult(
                    refused.roomId().value(),
                    false,
                    null,
                    ProblemJson.of(Problems.of(refused.kind(), refused.detail()), null));
          });
    }
    return new ServerFrames.SubscribeResult(results);
  }

  private Object post(JsonNode frame, UserId user) {
    ClientFrames.PostMessage f = Json.convert(frame, ClientFrames.PostMessage.class);
    PostedMessage posted =
        postMessage.postMessage(
            new PostMessageCommand(user, f.roomId(), f.text(), f.clientMessageId(), f.parentId()));
    return Map.of("message", MessageJson.of(posted.message()), "replay", posted.replay());
  }

  private static String ack(String action, String requestId, Object result) {
    return Json.writeString(new ServerFrames.Ack("ack", action, requestId, result));
  }

  private static String error(String action, String requestId, Problem problem) {
    return Json.writeString(
        new ServerFrames.Error(
            "error", action, requestId, retryAfter(problem), ProblemJson.of(problem, requestId)));
  }

  /** A rate-limited client learns the wait that REST gives in {@code Retry-After}. */
  private static Long retryAfter(Problem problem) {
    String seconds = problem.headers().get("Retry-After");
    return problem.type() == ProblemType.RATE_LIMITED && seconds != null
        ? Long.valueOf(seconds)
        : null;
  }
}
