package dev.parley.application.service;

import dev.parley.application.port.in.ListBlockedUsersQuery;
import dev.parley.application.port.in.ListBlockedUsersUseCase;
import dev.parley.application.port.in.Page;
import dev.parley.application.port.out.BlockListPort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import java.util.List;

/** The caller's block list, by user id. */
public final class ListBlockedUsersService implements ListBlockedUsersUseCase {
  private final CommandValidator validator;
  private final BlockListPort blocks;

  @Inject
  ListBlockedUsersService(CommandValidator validator, BlockListPort blocks) {
    this.validator = validator;
    this.blocks = blocks;
  }

  @Override
  public Page<UserId> listBlockedUsers(ListBlockedUsersQuery query) {
    validator.validate(query);
    String scope = query.actor().value();
    UserId after =
        query.cursor() == null
            ? null
            : UserId.of(Cursors.decode(query.cursor(), Cursors.Kind.BLOCKS, scope));
    int limit = query.limit() == null ? Page.DEFAULT_LIMIT : query.limit();
    List<UserId> rows = blocks.blockedBy(query.actor(), after, limit + 1);
    if (rows.size() <= limit) {
      return new Page<>(rows, null);
    }
    List<UserId> shown = rows.subList(0, limit);
    return new Page<>(
        shown, Cursors.encode(Cursors.Kind.BLOCKS, scope, shown.get(limit - 1).value()));
  }
}
