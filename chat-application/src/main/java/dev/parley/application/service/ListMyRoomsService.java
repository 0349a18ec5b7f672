package dev.parley.application.service;

import dev.parley.application.port.in.ListMyRoomsQuery;
import dev.parley.application.port.in.ListMyRoomsUseCase;
import dev.parley.application.port.in.Page;
import dev.parley.application.port.in.RoomSummary;
import dev.parley.application.port.out.MemberListPort;
import dev.parley.application.port.out.RoomStorePort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** Lists the caller's rooms, ordered by room id, with unread counts. */
public final class ListMyRoomsService implements ListMyRoomsUseCase {
  private final CommandValidator validator;
  private final MemberListPort members;
  private final RoomStorePort rooms;
  private final Views views;

  @Inject
  ListMyRoomsService(
      CommandValidator validator, MemberListPort members, RoomStorePort rooms, Views views) {
    this.validator = validator;
    this.members = members;
    this.rooms = rooms;
    this.views = views;
  }

  @Override
  public Page<RoomSummary> listMyRooms(ListMyRoomsQuery query) {
    validator.validate(query);
    String scope = query.actor().value();
    RoomId after =
        query.cursor() == null
            ? null
            : RoomId.of(Cursors.decode(query.cursor(), Cursors.Kind.MY_ROOMS, scope));
    int limit = query.limit() == null ? Page.DEFAULT_LIMIT : query.limit();
    // One extra row tells whether another page exists without a count query.
    List<Membership> page = members.roomsOf(query.actor(), after, limit + 1);
    boolean more = page.size() > limit;
    List<Membership> shown = more ? page.subList(0, limit) : page;
    List<RoomSummary> summaries = new ArrayList<>(shown.size());
    for (Membership membership : shown) {
      rooms
          .find(membership.roomId())
          .ifPresent(room -> summaries.add(views.room(room, query.actor(), membership)));
    }
    String next =
        more
            ? Cursors.encode(
                Cursors.Kind.MY_ROOMS, scope, shown.get(shown.size() - 1).roomId().value())
            : null;
    return new Page<>(summaries, next);
  }
}
