package dev.parley.application.port.in;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param nextCursor the opaque cursor of the next page, or null on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 100;

  public Page {
    items = List.copyOf(items);
  }

  public boolean hasMore() {
    return nextCursor != null;
  }
}
