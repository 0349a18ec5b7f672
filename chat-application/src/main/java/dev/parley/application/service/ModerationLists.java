package dev.parley.application.service;

import dev.parley.application.error.InvalidInputException;
import dev.parley.application.port.in.Page;
import dev.parley.domain.access.Action;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The paging shared by the ban and mute lists: who may read them (whoever may ban, or mute, in the
 * room: the one permission policy decides, so a private room is not-found to non-members and an
 * archived room, read-only, is moderated no more), and cursors that hold the last user id shown.
 */
@Singleton
final class ModerationLists {
  /** A store read of a page after a user id, at an instant. */
  interface Reader<T> {
    List<T> read(RoomId roomId, UserId afterUserId, Instant now, int limit);
  }

  private final RoomAccess access;

  @Inject
  ModerationLists(RoomAccess access) {
    this.access = access;
  }

  <T> Page<T> page(
      UserId actor,
      String room,
      Action action,
      Cursors.Kind kind,
      String cursor,
      Integer requestedLimit,
      Reader<T> reader,
      Function<T, UserId> userOf) {
    RoomId roomId = RoomId.of(room);
    RoomContext context = access.enter(actor, roomId, action);
    UserId after = cursor == null ? null : userId(Cursors.decode(cursor, kind, roomId.value()));
    int limit = requestedLimit == null ? Page.DEFAULT_LIMIT : requestedLimit;
    List<T> rows = reader.read(roomId, after, context.now(), limit + 1);
    boolean more = rows.size() > limit;
    List<T> page = more ? rows.subList(0, limit) : rows;
    String next =
        more
            ? Cursors.encode(kind, roomId.value(), userOf.apply(page.get(limit - 1)).value())
            : null;
    return new Page<>(page, next);
  }

  private static UserId userId(String position) {
    try {
      return UserId.of(position);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("cursor", "is not a cursor issued for this listing");
    }
  }
}
