package dev.parley.protocol.rest;

import dev.parley.application.error.InvalidInputException;
import dev.parley.application.error.Violation;
import dev.parley.application.port.in.ArchiveRoomCommand;
import dev.parley.application.port.in.ArchiveRoomUseCase;
import dev.parley.application.port.in.CreateRoomCommand;
import dev.parley.application.port.in.CreateRoomUseCase;
import dev.parley.application.port.in.GetRoomQuery;
import dev.parley.application.port.in.GetRoomUseCase;
import dev.parley.application.port.in.ListMyRoomsQuery;
import dev.parley.application.port.in.ListMyRoomsUseCase;
import dev.parley.application.port.in.Metered;
import dev.parley.application.port.in.OpenDirectRoomCommand;
import dev.parley.application.port.in.OpenDirectRoomUseCase;
import dev.parley.application.port.in.RoomSummary;
import dev.parley.application.port.in.UpdateRoomCommand;
import dev.parley.application.port.in.UpdateRoomUseCase;
import dev.parley.domain.access.Action;
import dev.parley.domain.access.Role;
import dev.parley.protocol.http.ApiResponse;
import dev.parley.protocol.http.RateLimitHeaders;
import dev.parley.protocol.json.PageJson;
import dev.parley.protocol.json.RoomJson;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Rooms: create, list, read, update, archive, and direct rooms. */
public final class RoomRoutes {
  private final CreateRoomUseCase createRoom;
  private final OpenDirectRoomUseCase openDirectRoom;
  private final ListMyRoomsUseCase listMyRooms;
  private final GetRoomUseCase getRoom;
  private final UpdateRoomUseCase updateRoom;
  private final ArchiveRoomUseCase archiveRoom;

  @Inject
  public RoomRoutes(
      CreateRoomUseCase createRoom,
      OpenDirectRoomUseCase openDirectRoom,
      ListMyRoomsUseCase listMyRooms,
      GetRoomUseCase getRoom,
      UpdateRoomUseCase updateRoom,
      ArchiveRoomUseCase archiveRoom) {
    this.createRoom = createRoom;
    this.openDirectRoom = openDirectRoom;
    this.listMyRooms = listMyRooms;
    this.getRoom = getRoom;
    this.updateRoom = updateRoom;
    this.archiveRoom = archiveRoom;
  }

  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/rooms", this::create),
        Route.of("GET", "/rooms", this::list),
        Route.of("POST", "/direct-rooms", this::openDirect),
        Route.of("GET", "/rooms/{roomId}", this::get),
        Route.of("PATCH", "/rooms/{roomId}", this::update),
        Route.of("DELETE", "/rooms/{roomId}", this::archive));
  }

  private ApiResponse create(Call call) {
    Requests.CreateRoom body = call.body(Requests.CreateRoom.class);
    Metered<RoomSummary> created =
        Metered.of(
            () ->
                createRoom.createRoom(
                    new CreateRoomCommand(
                        call.user(),
                        body.name(),
                        body.topic(),
                        body.type(),
                        body.settings(),
                        body.invite())));
    RoomSummary room = created.value();
    return Responses.created(RoomJson.of(room), "/rooms/" + room.room().id().value())
        .withHeaders(RateLimitHeaders.of(created.rateLimit()));
  }

  private ApiResponse list(Call call) {
    return Responses.ok(
        PageJson.of(
            listMyRooms.listMyRooms(
                new ListMyRoomsQuery(call.user(), call.query("cursor"), call.queryInt("limit"))),
            RoomJson::of));
  }

  private ApiResponse openDirect(Call call) {
    Requests.OpenDirectRoom body = call.body(Requests.OpenDirectRoom.class);
    return Responses.okMetered(
        () -> openDirectRoom.openDirectRoom(new OpenDirectRoomCommand(call.user(), body.userId())),
        RoomJson::of);
  }

  private ApiResponse get(Call call) {
    return Responses.ok(
        RoomJson.of(getRoom.getRoom(new GetRoomQuery(call.user(), call.path("roomId")))));
  }

  private ApiResponse update(Call call) {
    Requests.UpdateRoom body = call.body(Requests.UpdateRoom.class);
    return Responses.ok(
        RoomJson.of(
            updateRoom.updateRoom(
                new UpdateRoomCommand(
                    call.user(),
                    call.path("roomId"),
                    body.name(),
                    body.topic(),
                    body.settings(),
                    permissions(body.permissions())))));
  }

  private ApiResponse archive(Call call) {
    return Responses.ok(
        RoomJson.of(
            archiveRoom.archiveRoom(new ArchiveRoomCommand(call.user(), call.path("roomId")))));
  }

  /** {"post": "moderator"} to the core's map; every unknown name is reported. */
  static Map<Action, Role> permissions(Map<String, String> raw) {
    if (raw == null) {
      return null;
    }
    Map<Action, Role> result = new EnumMap<>(Action.class);
    List<Violation> violations = new ArrayList<>();
    raw.forEach(
        (action, role) -> {
          Action a = parse(Action.class, action);
          Role r = role == null ? null : parse(Role.class, role);
          if (a == null) {
            violations.add(new Violation("permissions." + action, "is not a known action"));
          } else if (r == null) {
            violations.add(new Violation("permissions." + action, "is not a known role"));
          } else {
            result.put(a, r);
          }
        });
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return result;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String name) {
    try {
      return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
