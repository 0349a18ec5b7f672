package dev.parley.application.port.in;

import java.util.List;

/**
 * Unread counts of every room of a user.
 *
 * @param rooms one entry per room the user is a member of, including rooms with nothing unread
 * @param total the sum over all rooms
 * @param mentionTotal the sum of the rooms' mention counts
 */
public record UnreadCounts(List<ReadMarker> rooms, long total, long mentionTotal) {
  public UnreadCounts {
    rooms = List.copyOf(rooms);
  }
}
