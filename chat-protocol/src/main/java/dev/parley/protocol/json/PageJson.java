package dev.parley.protocol.json;

import dev.parley.application.port.in.Page;
import java.util.List;
import java.util.function.Function;

/** A page of a listing; {@code nextCursor} is absent on the last page. */
public record PageJson<T>(List<T> items, String nextCursor) {
  public static <S, T> PageJson<T> of(Page<S> page, Function<S, T> mapping) {
    return new PageJson<>(page.items().stream().map(mapping).toList(), page.nextCursor());
  }
}
