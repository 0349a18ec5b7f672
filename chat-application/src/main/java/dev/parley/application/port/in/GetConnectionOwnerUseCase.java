package dev.parley.application.port.in;

import dev.parley.domain.user.UserId;
import java.util.Optional;

/**
 * Names the user a live connection was opened for, for runtimes that learn only the connection of a
 * frame. Empty, never null, when the connection is unknown or expired.
 */
public interface GetConnectionOwnerUseCase {
  Optional<UserId> getConnectionOwner(GetConnectionOwnerQuery query);
}
