package dev.parley.application.port.in;

import dev.parley.domain.user.UserId;

/** The users the caller blocks, by user id, in pages. */
public interface ListBlockedUsersUseCase {
  Page<UserId> listBlockedUsers(ListBlockedUsersQuery query);
}
