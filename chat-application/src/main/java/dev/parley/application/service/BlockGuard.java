package dev.parley.application.service;

import dev.parley.application.error.ForbiddenException;
import dev.parley.application.port.out.BlockCheckPort;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.room.DirectKey;
import dev.parley.domain.room.Room;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/** A block between the two members of a direct room stops posts there, whoever blocked whom. */
@Singleton
final class BlockGuard {
  private final BlockCheckPort checks;

  @Inject
  BlockGuard(BlockCheckPort checks) {
    this.checks = checks;
  }

  /** Only direct rooms are checked: group rooms cost nothing. */
  void requireNoBlock(Room room, UserId author) {
    DirectKey pair = room.directKey();
    if (pair == null) {
      return;
    }
    UserId other = pair.first().equals(author) ? pair.second() : pair.first();
    if (!checks.blockedAmong(author, List.of(other)).isEmpty()
        || !checks.blockedAmong(other, List.of(author)).isEmpty()) {
      throw new ForbiddenException(DenialReason.BLOCKED);
    }
  }
}
