package dev.parley.application.service;

import dev.parley.application.error.InvalidInputException;
import dev.parley.application.port.in.ListPublicRoomsQuery;
import dev.parley.application.port.in.ListPublicRoomsUseCase;
import dev.parley.application.port.in.Page;
import dev.parley.application.port.in.RoomSummary;
import dev.parley.application.port.out.RoomDirectoryPort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the public room directory by name prefix. The cursor is bound to the prefix and holds the
 * last room's (key, id), so rooms created or renamed meanwhile do not shift later pages.
 */
public final class ListPublicRoomsService implements ListPublicRoomsUseCase {
  private final CommandValidator validator;
  private final RoomDirectoryPort directory;
  private final Views views;

  @Inject
  ListPublicRoomsService(CommandValidator validator, RoomDirectoryPort directory, Views views) {
    this.validator = validator;
    this.directory = directory;
    this.views = views;
  }

  @Override
  public Page<RoomSummary> listPublicRooms(ListPublicRoomsQuery query) {
    validator.validate(query);
    String prefix = query.prefix() == null ? "" : RoomDirectoryPort.key(query.prefix());
    // The scope is the prefix itself: a cursor of another search is refused.
    String scope = "prefix:" + prefix;
    RoomDirectoryPort.Position after =
        query.cursor() == null
            ? null
            : position(Cursors.decode(query.cursor(), Cursors.Kind.DIRECTORY, scope), prefix);
    int limit = query.limit() == null ? Page.DEFAULT_LIMIT : query.limit();
    List<Room> rows = directory.publicRooms(prefix, after, limit + 1);
    boolean more = rows.size() > limit;
    List<Room> page = more ? rows.subList(0, limit) : rows;
    List<RoomSummary> summaries = new ArrayList<>(page.size());
    for (Room room : page) {
      summaries.add(views.room(room, query.actor(), null));
    }
    String next = null;
    if (more) {
      Room last = page.get(limit - 1);
      next =
          Cursors.encode(
              Cursors.Kind.DIRECTORY,
              scope,
              last.id().value() + '/' + RoomDirectoryPort.key(last.name()));
    }
    return new Page<>(summaries, next);
  }

  // "<room id>/<key>": room ids never contain '/', keys may.
  private static RoomDirectoryPort.Position position(String position, String prefix) {
    int slash = position.indexOf('/');
    try {
      if (slash > 0 && position.startsWith(prefix, slash + 1)) {
        return new RoomDirectoryPort.Position(
            position.substring(slash + 1), RoomId.of(position.substring(0, slash)));
      }
    } catch (IllegalArgumentException e) {
      // falls through: not a position this listing wrote
    }
    throw InvalidInputException.of("cursor", "is not a cursor issued for this listing");
  }
}
