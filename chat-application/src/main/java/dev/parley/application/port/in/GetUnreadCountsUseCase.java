package dev.parley.application.port.in;

/** Counts the caller's unread messages per room and in total. */
public interface GetUnreadCountsUseCase {
  UnreadCounts getUnreadCounts(GetUnreadCountsQuery query);
}
