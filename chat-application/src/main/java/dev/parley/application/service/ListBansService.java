package dev.parley.application.service;

import dev.parley.application.port.in.ListBansQuery;
import dev.parley.application.port.in.ListBansUseCase;
import dev.parley.application.port.in.Page;
import dev.parley.application.port.out.BanListPort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.access.Action;
import dev.parley.domain.member.Ban;
import jakarta.inject.Inject;

/** Lists a room's bans in force for its moderators. */
public final class ListBansService implements ListBansUseCase {
  private final CommandValidator validator;
  private final ModerationLists lists;
  private final BanListPort bans;

  @Inject
  ListBansService(CommandValidator validator, ModerationLists lists, BanListPort bans) {
    this.validator = validator;
    this.lists = lists;
    this.bans = bans;
  }

  @Override
  public Page<Ban> listBans(ListBansQuery query) {
    validator.validate(query);
    return lists.page(
        query.actor(),
        query.roomId(),
        Action.BAN,
        Cursors.Kind.BANS,
        query.cursor(),
        query.limit(),
        bans::bans,
        Ban::userId);
  }
}
