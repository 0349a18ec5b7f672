package dev.parley.application.port.in;

/** Lists the caller's rooms with their unread counts, in a stable order, page by page. */
public interface ListMyRoomsUseCase {
  Page<RoomSummary> listMyRooms(ListMyRoomsQuery query);
}
