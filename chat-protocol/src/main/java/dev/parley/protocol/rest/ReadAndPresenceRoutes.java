package dev.parley.protocol.rest;

import dev.parley.application.error.InvalidInputException;
import dev.parley.application.port.in.GetRoomPresenceQuery;
import dev.parley.application.port.in.GetRoomPresenceUseCase;
import dev.parley.application.port.in.GetUnreadCountsQuery;
import dev.parley.application.port.in.GetUnreadCountsUseCase;
import dev.parley.application.port.in.MarkReadCommand;
import dev.parley.application.port.in.MarkReadUseCase;
import dev.parley.application.port.in.MarkUnreadCommand;
import dev.parley.application.port.in.MarkUnreadUseCase;
import dev.parley.application.port.in.SendTypingCommand;
import dev.parley.application.port.in.SendTypingUseCase;
import dev.parley.application.port.in.TypingState;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.http.ApiResponse;
import dev.parley.protocol.json.PageJson;
import dev.parley.protocol.json.PresenceJson;
import dev.parley.protocol.json.ReadMarkerJson;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Read state, unread counts, presence and typing. */
public final class ReadAndPresenceRoutes {
  private final MarkReadUseCase markRead;
  private final MarkUnreadUseCase markUnread;
  private final GetUnreadCountsUseCase unreadCounts;
  private final GetRoomPresenceUseCase roomPresence;
  private final SendTypingUseCase sendTyping;

  @Inject
  public ReadAndPresenceRoutes(
      MarkReadUseCase markRead,
      MarkUnreadUseCase markUnread,
      GetUnreadCountsUseCase unreadCounts,
      GetRoomPresenceUseCase roomPresence,
      SendTypingUseCase sendTyping) {
    this.markRead = markRead;
    this.markUnread = markUnread;
    this.unreadCounts = unreadCounts;
    this.roomPresence = roomPresence;
    this.sendTyping = sendTyping;
  }

  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/rooms/{roomId}/read", this::read),
        Route.of("POST", "/rooms/{roomId}/unread", this::unread),
        Route.of("GET", "/me/unread", this::unreadCounts),
        Route.of("GET", "/rooms/{roomId}/presence", this::presence),
        Route.of("POST", "/rooms/{roomId}/typing", this::typing));
  }

  private ApiResponse read(Call call) {
    long sequence = sequence(call);
    return Responses.ok(
        ReadMarkerJson.of(
            markRead.markRead(new MarkReadCommand(call.user(), call.path("roomId"), sequence))));
  }

  private ApiResponse unread(Call call) {
    long sequence = sequence(call);
    return Responses.ok(
        ReadMarkerJson.of(
            markUnread.markUnread(
                new MarkUnreadCommand(call.user(), call.path("roomId"), sequence))));
  }

  private static long sequence(Call call) {
    Requests.ReadPosition body = call.body(Requests.ReadPosition.class);
    if (body.sequence() == null) {
      throw InvalidInputException.of("sequence", "must not be null");
    }
    return body.sequence();
  }

  private ApiResponse unreadCounts(Call call) {
    return Responses.ok(
        ReadMarkerJson.UnreadJson.of(
            unreadCounts.getUnreadCounts(new GetUnreadCountsQuery(call.user()))));
  }

  private ApiResponse presence(Call call) {
    return Responses.ok(
        PageJson.of(
            roomPresence.getRoomPresence(
                new GetRoomPresenceQuery(
                    call.user(),
                    call.path("roomId"),
                    call.query("cursor"),
                    call.queryInt("limit"))),
            PresenceJson::of));
  }

  private ApiResponse typing(Call call) {
    Requests.Typing body = call.body(Requests.Typing.class);
    if (body.typing() == null) {
      throw InvalidInputException.of("typing", "must not be null");
    }
    TypingState state =
        sendTyping.sendTyping(
            new SendTypingCommand(call.user(), call.path("roomId"), body.typing()));
    return Responses.ok(
        Map.of(
            "typers", state.typers().stream().map(UserId::value).toList(),
            "broadcast", state.broadcast()));
  }
}
