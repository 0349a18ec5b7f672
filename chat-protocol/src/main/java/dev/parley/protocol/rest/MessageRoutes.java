package dev.parley.protocol.rest;

import dev.parley.application.port.in.AddReactionCommand;
import dev.parley.application.port.in.AddReactionUseCase;
import dev.parley.application.port.in.DeleteMessageCommand;
import dev.parley.application.port.in.DeleteMessageUseCase;
import dev.parley.application.port.in.EditMessageCommand;
import dev.parley.application.port.in.EditMessageUseCase;
import dev.parley.application.port.in.GetMessageQuery;
import dev.parley.application.port.in.GetMessageUseCase;
import dev.parley.application.port.in.ListHistoryQuery;
import dev.parley.application.port.in.ListHistoryUseCase;
import dev.parley.application.port.in.ListThreadRepliesQuery;
import dev.parley.application.port.in.ListThreadRepliesUseCase;
import dev.parley.application.port.in.PinMessageCommand;
import dev.parley.application.port.in.PinMessageUseCase;
import dev.parley.application.port.in.PostMessageCommand;
import dev.parley.application.port.in.PostMessageUseCase;
import dev.parley.application.port.in.PostedMessage;
import dev.parley.application.port.in.RemoveReactionCommand;
import dev.parley.application.port.in.RemoveReactionUseCase;
import dev.parley.application.port.in.SearchMessagesQuery;
import dev.parley.application.port.in.SearchMessagesUseCase;
import dev.parley.protocol.http.ApiResponse;
import dev.parley.protocol.http.RateLimitHeaders;
import dev.parley.protocol.json.HistoryJson;
import dev.parley.protocol.json.MessageJson;
import dev.parley.protocol.json.PageJson;
import jakarta.inject.Inject;
import java.util.List;

/** Messages: post, history, read, edit, delete, threads, reactions, pins. */
public final class MessageRoutes {
  /** Tells a client its retry was answered with the original message. */
  public static final String REPLAY_HEADER = "Idempotent-Replayed";

  private final PostMessageUseCase postMessage;
  private final ListHistoryUseCase listHistory;
  private final GetMessageUseCase getMessage;
  private final EditMessageUseCase editMessage;
  private final DeleteMessageUseCase deleteMessage;
  private final ListThreadRepliesUseCase listReplies;
  private final AddReactionUseCase addReaction;
  private final RemoveReactionUseCase removeReaction;
  private final PinMessageUseCase pinMessage;
  private final SearchMessagesUseCase searchMessages;

  @Inject
  public MessageRoutes(
      PostMessageUseCase postMessage,
      ListHistoryUseCase listHistory,
      GetMessageUseCase getMessage,
      EditMessageUseCase editMessage,
      DeleteMessageUseCase deleteMessage,
      ListThreadRepliesUseCase listReplies,
      AddReactionUseCase addReaction,
      RemoveReactionUseCase removeReaction,
      PinMessageUseCase pinMessage,
      SearchMessagesUseCase searchMessages) {
    this.postMessage = postMessage;
    this.listHistory = listHistory;
    this.getMessage = getMessage;
    this.editMessage = editMessage;
    this.deleteMessage = deleteMessage;
    this.listReplies = listReplies;
    this.addReaction = addReaction;
    this.removeReaction = removeReaction;
    this.pinMessage = pinMessage;
    this.searchMessages = searchMessages;
  }

  public List<Route> routes() {
    String message = "/rooms/{roomId}/messages/{messageId}";
    return List.of(
        Route.of("POST", "/rooms/{roomId}/messages", this::post),
        Route.of("GET", "/rooms/{roomId}/messages", this::history),
        Route.of("GET", "/rooms/{roomId}/messages/search", this::search),
        Route.of("GET", message, this::get),
        Route.of("PATCH", message, this::edit),
        Route.of("DELETE", message, this::delete),
        Route.of("GET", message + "/replies", this::replies),
        Route.of("PUT", message + "/reactions/{emoji}", this::react),
        Route.of("DELETE", message + "/reactions/{emoji}", this::unreact),
        Route.of("PUT", message + "/pin", call -> pin(call, true)),
        Route.of("DELETE", message + "/pin", call -> pin(call, false)));
  }

  private ApiResponse post(Call call) {
    Requests.PostMessage body = call.body(Requests.PostMessage.class);
    PostedMessage posted =
        postMessage.postMessage(
            new PostMessageCommand(
                call.user(),
                call.path("roomId"),
                body.text(),
                body.clientMessageId(),
                body.parentId()));
    MessageJson json = MessageJson.of(posted.message());
    if (posted.replay()) {
      return Responses.ok(json).withHeader(REPLAY_HEADER, "true");
    }
    return Responses.created(json, "/rooms/" + json.roomId() + "/messages/" + json.id())
        .withHeaders(RateLimitHeaders.of(posted.rateLimit()));
  }

  private ApiResponse history(Call call) {
    return Responses.ok(
        HistoryJson.of(
            listHistory.listHistory(
                new ListHistoryQuery(
                    call.user(),
                    call.path("roomId"),
                    call.queryLong("before"),
                    call.queryLong("after"),
                    call.queryLong("around"),
                    call.query("cursor"),
                    call.queryInt("limit")))));
  }

  private ApiResponse search(Call call) {
    return Responses.ok(
        PageJson.of(
            searchMessages.searchMessages(
                new SearchMessagesQuery(
                    call.user(),
                    call.path("roomId"),
                    call.query("q"),
                    call.query("cursor"),
                    call.queryInt("limit"))),
            MessageJson::of));
  }

  private ApiResponse get(Call call) {
    return Responses.ok(
        MessageJson.of(
            getMessage.getMessage(
                new GetMessageQuery(call.user(), call.path("roomId"), call.path("messageId")))));
  }

  private ApiResponse edit(Call call) {
    Requests.EditMessage body = call.body(Requests.EditMessage.class);
    return Responses.okMetered(
        () ->
            editMessage.editMessage(
                new EditMessageCommand(
                    call.user(), call.path("roomId"), call.path("messageId"), body.text())),
        MessageJson::of);
  }

  private ApiResponse delete(Call call) {
    return Responses.okMetered(
        () ->
            deleteMessage.deleteMessage(
                new DeleteMessageCommand(call.user(), call.path("roomId"), call.path("messageId"))),
        MessageJson::of);
  }

  private ApiResponse replies(Call call) {
    return Responses.ok(
        PageJson.of(
            listReplies.listThreadReplies(
                new ListThreadRepliesQuery(
                    call.user(),
                    call.path("roomId"),
                    call.path("messageId"),
                    call.query("cursor"),
                    call.queryInt("limit"))),
            MessageJson::of));
  }

  private ApiResponse react(Call call) {
    return Responses.okMetered(
        () ->
            addReaction.addReaction(
                new AddReactionCommand(
                    call.user(), call.path("roomId"), call.path("messageId"), call.path("emoji"))),
        MessageJson::of);
  }

  private ApiResponse unreact(Call call) {
    return Responses.okMetered(
        () ->
            removeReaction.removeReaction(
                new RemoveReactionCommand(
                    call.user(), call.path("roomId"), call.path("messageId"), call.path("emoji"))),
        MessageJson::of);
  }

  private ApiResponse pin(Call call, boolean pinned) {
    return Responses.ok(
        MessageJson.of(
            pinMessage.pinMessage(
                new PinMessageCommand(
                    call.user(), call.path("roomId"), call.path("messageId"), pinned))));
  }
}
