package dev.parley.domain.room;

/** Who can find and enter a room. */
public enum RoomType {
  /** Anyone may see it and join it. */
  PUBLIC,
  /** Invisible to non-members; entered by invitation only. */
  PRIVATE,
  /** Exactly two members, one room per pair; nobody joins, leaves or is invited. */
  DIRECT
}
