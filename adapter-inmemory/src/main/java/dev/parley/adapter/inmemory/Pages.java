package dev.parley.adapter.inmemory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** Shared helpers for the keyset pages of the in-memory adapters. */
final class Pages {
  private Pages() {}

  /**
   * Rejects a negative page size. A limit of 0 is a valid query for an empty page: the history use
   * case asks for {@code limit / 2} older messages around a sequence, which is 0 for a limit of 1.
   */
  static void requireLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, was " + limit);
    }
  }

  /** The first {@code limit} values, as an unmodifiable list. */
  static <T> List<T> firstOf(Iterable<T> values, int limit) {
    requireLimit(limit);
    List<T> page = new ArrayList<>(Math.min(limit, 64));
    Iterator<T> iterator = values.iterator();
    while (page.size() < limit && iterator.hasNext()) {
      page.add(iterator.next());
    }
    return Collections.unmodifiableList(page);
  }
}
