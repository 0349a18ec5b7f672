package dev.parley.protocol.auth;

import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * The answer of an {@link IdentityResolver}: {@link Authenticated} with the user, {@link Rejected}
 * with a reason for the 401 problem detail, or {@link Unavailable} when the token could not be
 * checked at all (the issuer's keys are unreachable): not the client's fault, so a 503. Never null.
 */
public sealed interface Authentication
    permits Authentication.Authenticated, Authentication.Rejected, Authentication.Unavailable {

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

  /**
   * The token could not be checked because the keys to check it with are unavailable; the client
   * should retry later. {@code reason} is safe to show, never blank.
   */
  record Unavailable(String reason) implements Authentication {
    public Unavailable {
      Objects.requireNonNull(reason, "reason");
      if (reason.isBlank()) {
        throw new IllegalArgumentException("reason must not be blank");
      }
    }
  }
}
