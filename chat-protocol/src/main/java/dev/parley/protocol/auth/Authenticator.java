package dev.parley.protocol.auth;

import dev.parley.domain.user.UserId;
import dev.parley.protocol.http.Problem;
import dev.parley.protocol.http.ProblemException;
import dev.parley.protocol.http.ProblemType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Turns the token a request carried into its user, or into the problem refusing it: the one place
 * that decides, so REST requests and WebSocket handshakes are refused alike on every runtime.
 */
@Singleton
public final class Authenticator {
  /** Seconds a client should wait when the signing keys cannot be fetched. */
  static final String RETRY_AFTER_SECONDS = "5";

  private final IdentityResolver identity;

  @Inject
  public Authenticator(IdentityResolver identity) {
    this.identity = identity;
  }

  /**
   * The user {@code token} speaks for.
   *
   * @param token the bearer token found in the request, empty when there was none
   * @param missingDetail the 401's detail when there is no token: where the client should put one
   * @throws ProblemException 401 (with {@code WWW-Authenticate}) for a missing or refused token,
   *     503 (with {@code Retry-After}) when it cannot be checked; a fault of the resolver passes as
   *     is
   */
  public UserId userOf(Optional<String> token, String missingDetail) {
    return authenticate(token, missingDetail).userId();
  }

  /**
   * As {@link #userOf}, with the token's expiry, which a WebSocket runtime needs to close the
   * connection when the token runs out.
   */
  public Authentication.Authenticated authenticate(Optional<String> token, String missingDetail) {
    if (token.isEmpty()) {
      throw unauthenticated(missingDetail);
    }
    return switch (identity.authenticate(token.get())) {
      case Authentication.Authenticated ok -> ok;
      case Authentication.Rejected rejected -> throw unauthenticated(rejected.reason());
      case Authentication.Unavailable unavailable ->
          throw new ProblemException(
              Problem.of(ProblemType.AUTHENTICATION_UNAVAILABLE, unavailable.reason())
                  .withHeader("Retry-After", RETRY_AFTER_SECONDS));
    };
  }

  private static ProblemException unauthenticated(String detail) {
    return new ProblemException(
        Problem.of(ProblemType.UNAUTHENTICATED, detail)
            .withHeader("WWW-Authenticate", "Bearer realm=\"parley\""));
  }
}
