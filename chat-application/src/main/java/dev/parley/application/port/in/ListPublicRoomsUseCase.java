package dev.parley.application.port.in;

/**
 * Lists public, non-archived rooms whose name starts with a prefix (ignoring case), by name, for
 * any signed-in user; each room as a non-member sees it.
 */
public interface ListPublicRoomsUseCase {
  Page<RoomSummary> listPublicRooms(ListPublicRoomsQuery query);
}
