package dev.parley.application.service;

import dev.parley.application.error.InvalidInputException;
import dev.parley.application.port.in.BlockUserCommand;
import dev.parley.application.port.in.BlockUserUseCase;
import dev.parley.application.port.out.BlockListPort;
import dev.parley.application.validation.CommandValidator;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;

/**
 * Adds a user to the caller's block list. Parley keeps no directory of users (ids come from the
 * identity provider), so any well-formed id can be blocked, including one that has never signed in.
 */
public final class BlockUserService implements BlockUserUseCase {
  private final CommandValidator validator;
  private final BlockListPort blocks;

  @Inject
  BlockUserService(CommandValidator validator, BlockListPort blocks) {
    this.validator = validator;
    this.blocks = blocks;
  }

  @Override
  public void blockUser(BlockUserCommand command) {
    validator.validate(command);
    blocks.block(command.actor(), notSelf(command.actor(), command.userId()));
  }

  static UserId notSelf(UserId actor, String userId) {
    UserId target = UserId.of(userId);
    if (target.equals(actor)) {
      throw InvalidInputException.of("userId", "you cannot block yourself");
    }
    return target;
  }
}
