package dev.parley.application.port.in;

import dev.parley.domain.member.Membership;

/** Lists a room's members with their roles, page by page. */
public interface ListMembersUseCase {
  Page<Membership> listMembers(ListMembersQuery query);
}
