package dev.parley.protocol.rest;

import dev.parley.application.port.in.ListBansQuery;
import dev.parley.application.port.in.ListBansUseCase;
import dev.parley.application.port.in.ListMutesQuery;
import dev.parley.application.port.in.ListMutesUseCase;
import dev.parley.application.port.in.ListPinnedMessagesQuery;
import dev.parley.application.port.in.ListPinnedMessagesUseCase;
import dev.parley.application.port.in.ListPublicRoomsQuery;
import dev.parley.application.port.in.ListPublicRoomsUseCase;
import dev.parley.application.port.in.ListThreadsQuery;
import dev.parley.application.port.in.ListThreadsUseCase;
import dev.parley.protocol.http.ApiResponse;
import dev.parley.protocol.json.BanJson;
import dev.parley.protocol.json.MemberJson;
import dev.parley.protocol.json.MessageJson;
import dev.parley.protocol.json.PageJson;
import dev.parley.protocol.json.RoomJson;
import dev.parley.protocol.json.ThreadJson;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Listings beyond history and members: a room's pinned messages and threads, for moderators its
 * bans and mutes, and the public room directory.
 */
public final class ListingRoutes {
  private final ListPinnedMessagesUseCase listPins;
  private final ListThreadsUseCase listThreads;
  private final ListBansUseCase listBans;
  private final ListMutesUseCase listMutes;
  private final ListPublicRoomsUseCase listPublicRooms;

  @Inject
  public ListingRoutes(
      ListPinnedMessagesUseCase listPins,
      ListThreadsUseCase listThreads,
      ListBansUseCase listBans,
      ListMutesUseCase listMutes,
      ListPublicRoomsUseCase listPublicRooms) {
    this.listPins = listPins;
    this.listThreads = listThreads;
    this.listBans = listBans;
    this.listMutes = listMutes;
    this.listPublicRooms = listPublicRooms;
  }

  public List<Route> routes() {
    return List.of(
        Route.of("GET", "/rooms/{roomId}/pins", this::pins),
        Route.of("GET", "/rooms/{roomId}/threads", this::threads),
        Route.of("GET", "/rooms/{roomId}/bans", this::bans),
        Route.of("GET", "/rooms/{roomId}/mutes", this::mutes),
        Route.of("GET", "/public-rooms", this::publicRooms));
  }

  private ApiResponse publicRooms(Call call) {
    return Responses.ok(
        PageJson.of(
            listPublicRooms.listPublicRooms(
                new ListPublicRoomsQuery(
                    call.user(),
                    call.query("prefix"),
                    call.query("cursor"),
                    call.queryInt("limit"))),
            RoomJson::of));
  }

  private ApiResponse bans(Call call) {
    return Responses.ok(
        PageJson.of(
            listBans.listBans(
                new ListBansQuery(
                    call.user(),
                    call.path("roomId"),
                    call.query("cursor"),
                    call.queryInt("limit"))),
            BanJson::of));
  }

  private ApiResponse mutes(Call call) {
    return Responses.ok(
        PageJson.of(
            listMutes.listMutes(
                new ListMutesQuery(
                    call.user(),
                    call.path("roomId"),
                    call.query("cursor"),
                    call.queryInt("limit"))),
            MemberJson::of));
  }

  private ApiResponse pins(Call call) {
    return Responses.ok(
        PageJson.of(
            listPins.listPinnedMessages(
                new ListPinnedMessagesQuery(
                    call.user(),
                    call.path("roomId"),
                    call.query("cursor"),
                    call.queryInt("limit"))),
            MessageJson::of));
  }

  private ApiResponse threads(Call call) {
    return Responses.ok(
        PageJson.of(
            listThreads.listThreads(
                new ListThreadsQuery(
                    call.user(),
                    call.path("roomId"),
                    call.query("cursor"),
                    call.queryInt("limit"))),
            ThreadJson::of));
  }
}
