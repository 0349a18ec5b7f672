package dev.parley.application.service;

import dev.parley.application.port.in.UnblockUserCommand;
import dev.parley.application.port.in.UnblockUserUseCase;
import dev.parley.application.port.out.BlockListPort;
import dev.parley.application.validation.CommandValidator;
import jakarta.inject.Inject;

/** Removes a user from the caller's block list. */
public final class UnblockUserService implements UnblockUserUseCase {
  private final CommandValidator validator;
  private final BlockListPort blocks;

  @Inject
  UnblockUserService(CommandValidator validator, BlockListPort blocks) {
    this.validator = validator;
    this.blocks = blocks;
  }

  @Override
  public void unblockUser(UnblockUserCommand command) {
    validator.validate(command);
    blocks.unblock(command.actor(), BlockUserService.notSelf(command.actor(), command.userId()));
  }
}
