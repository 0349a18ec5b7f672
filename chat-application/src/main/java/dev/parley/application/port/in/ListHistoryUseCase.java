package dev.parley.application.port.in;

/**
 * Reads a window of a room's history by sequence: the latest page, or before, after or around a
 * sequence, or from a cursor. Deleted messages appear as tombstones.
 */
public interface ListHistoryUseCase {
  HistoryPage listHistory(ListHistoryQuery query);
}
