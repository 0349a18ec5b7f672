package dev.parley.application.service;

import dev.parley.application.port.in.ListMembersQuery;
import dev.parley.application.port.in.ListMembersUseCase;
import dev.parley.application.port.in.Page;
import dev.parley.application.port.out.MemberListPort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import java.util.List;

/** Lists a room's members by user id. */
public final class ListMembersService implements ListMembersUseCase {
  private final CommandValidator validator;
  private final RoomAccess access;
  private final MemberListPort members;

  @Inject
  ListMembersService(CommandValidator validator, RoomAccess access, MemberListPort members) {
    this.validator = validator;
    this.access = access;
    this.members = members;
  }

  @Override
  public Page<Membership> listMembers(ListMembersQuery query) {
    validator.validate(query);
    RoomId roomId = RoomId.of(query.roomId());
    access.enter(query.actor(), roomId, Action.READ);
    UserId after =
        query.cursor() == null
            ? null
            : UserId.of(Cursors.decode(query.cursor(), Cursors.Kind.MEMBERS, roomId.value()));
    return page(members.members(roomId, after, limitOf(query.limit()) + 1), query.limit(), roomId);
  }

  static int limitOf(Integer limit) {
    return limit == null ? Page.DEFAULT_LIMIT : limit;
  }

  private static Page<Membership> page(List<Membership> rows, Integer requested, RoomId roomId) {
    int limit = limitOf(requested);
    if (rows.size() <= limit) {
      return new Page<>(rows, null);
    }
    List<Membership> shown = rows.subList(0, limit);
    String next =
        Cursors.encode(Cursors.Kind.MEMBERS, roomId.value(), shown.get(limit - 1).userId().value());
    return new Page<>(shown, next);
  }
}
