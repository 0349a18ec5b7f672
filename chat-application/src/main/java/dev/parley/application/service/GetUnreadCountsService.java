package dev.parley.application.service;

import dev.parley.application.port.in.GetUnreadCountsQuery;
import dev.parley.application.port.in.GetUnreadCountsUseCase;
import dev.parley.application.port.in.UnreadCounts;
import dev.parley.application.validation.CommandValidator;
import jakarta.inject.Inject;

/** Unread counts of all the caller's rooms. */
public final class GetUnreadCountsService implements GetUnreadCountsUseCase {
  private final CommandValidator validator;
  private final UnreadCounter counter;

  @Inject
  GetUnreadCountsService(CommandValidator validator, UnreadCounter counter) {
    this.validator = validator;
    this.counter = counter;
  }

  @Override
  public UnreadCounts getUnreadCounts(GetUnreadCountsQuery query) {
    validator.validate(query);
    return counter.forUser(query.actor());
  }
}
