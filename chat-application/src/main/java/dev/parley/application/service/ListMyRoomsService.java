package dev.parley.application.service;

import dev.parley.application.error.InvalidInputException;
import dev.parley.application.port.in.ListMyRoomsQuery;
import dev.parley.application.port.in.ListMyRoomsUseCase;
import dev.parley.application.port.in.Page;
import dev.parley.application.port.in.RoomSummary;
import dev.parley.application.port.out.MemberListPort;
import dev.parley.application.port.out.RoomSequencePort;
import dev.parley.application.port.out.RoomStorePort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lists the caller's rooms by latest activity, most recent first, with unread counts. A room's
 * activity is its latest message's time, or the caller's join time while it has none; ties go by
 * room id. The cursor is the (activity, room id) of the last room shown, so paging is stable while
 * messages arrive: a room that becomes active moves above the cursor (the caller learns of it from
 * the message event), and no other room is skipped or shown twice.
 *
 * <p>The order is computed at read time from all of the caller's memberships and one batched
 * activity lookup, so posts pay nothing for it; a page costs reads in the number of the caller's
 * rooms, meant for people in up to a few hundred rooms.
 */
public final class ListMyRoomsService implements ListMyRoomsUseCase {
  private static final int MEMBERSHIP_PAGE = 100;
  private static final Comparator<Entry> NEWEST_FIRST =
      Comparator.comparing(Entry::activity, Comparator.reverseOrder())
          .thenComparing(e -> e.roomId().value());

  private final CommandValidator validator;
  private final MemberListPort members;
  private final RoomStorePort rooms;
  private final RoomSequencePort sequences;
  private final Views views;

  /** A room in the order; {@code membership} is null for a cursor's position. */
  private record Entry(RoomId roomId, Instant activity, Membership membership) {}

  @Inject
  ListMyRoomsService(
      CommandValidator validator,
      MemberListPort members,
      RoomStorePort rooms,
      RoomSequencePort sequences,
      Views views) {
    this.validator = validator;
    this.members = members;
    this.rooms = rooms;
    this.sequences = sequences;
    this.views = views;
  }

  @Override
  public Page<RoomSummary> listMyRooms(ListMyRoomsQuery query) {
    validator.validate(query);
    String scope = query.actor().value();
    Entry after =
        query.cursor() == null
            ? null
            : position(Cursors.decode(query.cursor(), Cursors.Kind.MY_ROOMS, scope));
    int limit = query.limit() == null ? Page.DEFAULT_LIMIT : query.limit();
    List<Entry> ordered = byActivity(allMemberships(query));
    List<RoomSummary> summaries = new ArrayList<>(Math.min(limit, ordered.size()));
    Entry last = null;
    boolean more = false;
    for (Entry entry : ordered) {
      if (after != null && NEWEST_FIRST.compare(entry, after) <= 0) {
        continue;
      }
      if (summaries.size() == limit) {
        more = true;
        break;
      }
      // A room removed since the membership was read is left out, as before.
      Optional<Room> room = rooms.find(entry.roomId());
      if (room.isPresent()) {
        summaries.add(views.room(room.get(), query.actor(), entry.membership()));
        last = entry;
      }
    }
    String next =
        more && last != null ? Cursors.encode(Cursors.Kind.MY_ROOMS, scope, encode(last)) : null;
    return new Page<>(summaries, next);
  }

  private List<Membership> allMemberships(ListMyRoomsQuery query) {
    List<Membership> all = new ArrayList<>();
    RoomId afterRoom = null;
    while (true) {
      List<Membership> page = members.roomsOf(query.actor(), afterRoom, MEMBERSHIP_PAGE);
      all.addAll(page);
      if (page.size() < MEMBERSHIP_PAGE) {
        return all;
      }
      afterRoom = page.get(page.size() - 1).roomId();
    }
  }

  private List<Entry> byActivity(List<Membership> memberships) {
    List<RoomId> ids = memberships.stream().map(Membership::roomId).toList();
    Map<RoomId, Instant> activity = sequences.lastActivity(ids);
    List<Entry> entries = new ArrayList<>(memberships.size());
    for (Membership membership : memberships) {
      Instant at = activity.get(membership.roomId());
      entries.add(
          new Entry(membership.roomId(), at == null ? membership.joinedAt() : at, membership));
    }
    entries.sort(NEWEST_FIRST);
    return entries;
  }

  // "<epoch second>/<nanos>/<room id>": room ids never contain '/'.
  private static String encode(Entry entry) {
    Instant at = entry.activity();
    return at.getEpochSecond() + "/" + at.getNano() + "/" + entry.roomId().value();
  }

  private static Entry position(String position) {
    String[] parts = position.split("/", 3);
    try {
      if (parts.length == 3) {
        Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        return new Entry(RoomId.of(parts[2]), at, null);
      }
    } catch (RuntimeException e) {
      // falls through: not a position this listing wrote
    }
    throw InvalidInputException.of("cursor", "is not a cursor issued for this listing");
  }
}
