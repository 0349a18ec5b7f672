package dev.parley.application.service;

import dev.parley.application.port.in.GetRoomPresenceQuery;
import dev.parley.application.port.in.GetRoomPresenceUseCase;
import dev.parley.application.port.in.Page;
import dev.parley.application.port.out.MemberListPort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.member.Membership;
import dev.parley.domain.presence.Presence;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** Presence of a room's members, one page of members at a time. */
public final class GetRoomPresenceService implements GetRoomPresenceUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final MemberListPort members;
  private final PresenceAnnouncer presence;

  @Inject
  GetRoomPresenceService(
      CommandValidator validator,
      RoomAccess access,
      MemberListPort members,
      PresenceAnnouncer presence) {
    this.validator = validator;
    this.access = access;
    this.members = members;
    this.presence = presence;
  }

  @Override
  public Page<Presence> getRoomPresence(GetRoomPresenceQuery query) {
    validator.validate(query);
    RoomId roomId = RoomId.of(query.roomId());
    RoomContext context = access.enter(query.actor(), roomId, Action.READ);
    UserId after =
        query.cursor() == null
            ? null
            : UserId.of(Cursors.decode(query.cursor(), Cursors.Kind.PRESENCE, roomId.value()));
    int limit = query.limit() == null ? Page.DEFAULT_LIMIT : query.limit();
    List<Membership> rows = members.members(roomId, after, limit + 1);
    boolean more = rows.size() > limit;
    List<Membership> shown = more ? rows.subList(0, limit) : rows;
    List<Presence> result = new ArrayList<>(shown.size());
    for (Membership member : shown) {
      result.add(presence.presenceOf(member.userId(), context.now()));
    }
    String next =
        more
            ? Cursors.encode(
                Cursors.Kind.PRESENCE, roomId.value(), shown.get(limit - 1).userId().value())
            : null;
    return new Page<>(result, next);
  }
}
