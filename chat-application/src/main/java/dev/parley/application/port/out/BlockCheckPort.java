package dev.parley.application.port.out;

import dev.parley.domain.user.UserId;
import java.util.Collection;
import java.util.Set;

/** Whether a user blocks some others: one lookup for many users (a history page's authors). */
public interface BlockCheckPort {
  /** Those of {@code users} that {@code blocker} blocks; empty when none. Never null. */
  Set<UserId> blockedAmong(UserId blocker, Collection<UserId> users);
}
