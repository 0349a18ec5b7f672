package dev.parley.application.service;

import dev.parley.application.port.in.ListMutesQuery;
import dev.parley.application.port.in.ListMutesUseCase;
import dev.parley.application.port.in.Page;
import dev.parley.application.port.out.MuteListPort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.member.Membership;
import jakarta.inject.Inject;

/** Lists a room's muted members for its moderators. */
public final class ListMutesService implements ListMutesUseCase {
  private final CommandValidator validator;
  private final ModerationLists lists;
  private final MuteListPort mutes;

  @Inject
  ListMutesService(CommandValidator validator, ModerationLists lists, MuteListPort mutes) {
    this.validator = validator;
    this.lists = lists;
    this.mutes = mutes;
  }

  @Override
  public Page<Membership> listMutes(ListMutesQuery query) {
    validator.validate(query);
    return lists.page(
        query.actor(),
        query.roomId(),
        Action.MUTE,
        Cursors.Kind.MUTES,
        query.cursor(),
        query.limit(),
        mutes::mutes,
        Membership::userId);
  }
}
