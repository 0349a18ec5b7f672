package dev.parley.protocol.auth;

import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * The answer of an {@link IdentityResolver}: {@link Authenticated} with the user, or {@link
 * Rejected} with a reason for the 401 problem detail. Never null.
 */
public sealed interface Authentication
    permits Authentication.Authenticated, Authentication.Rejected {

  /**
   * The token is valid and speaks for {@code userId} until {@code expiresAt} (a WebSocket runtime
   * may close the connection then). Neither component is null.
   */
  record Authenticated(UserId userId, Instant expiresAt) implements Authentication {
    public Authenticated {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  /**
   * The token is refused. {@code reason} is short, never blank, safe to send to the client (for
   * example "token expired"), and never contains the token itself.
   */
  record Rejected(String reason) implements Authentication {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      if (reason.isBlank()) {
        throw new IllegalArgumentException("reason must not be blank");
      }
    }
  }
}
