package dev.parley.benchmarks.load;

import dev.parley.domain.user.UserId;
import dev.parley.protocol.auth.DevTokens;
import dev.parley.protocol.auth.JwtSettings;
import java.time.Duration;

/**
 * The fixed HS256 secret the load server checks tokens with and the drivers mint them with (both
 * processes compile it in). Benchmarks only: a real deployment uses a JWKS issuer.
 */
final class LoadAuth {
  /** HS256 wants at least 32 bytes. */
  static final String SECRET = "parley-load-benchmark-secret-0123456789abcdef";

  static final String ISSUER = "parley-load";

  /** Longer than any run, so no token expires while it is used. */
  static final Duration TOKEN_TTL = Duration.ofHours(2);

  private LoadAuth() {}

  static JwtSettings settings() {
    return JwtSettings.hs256(SECRET, ISSUER, null);
  }

  /** A signed token for {@code user}, as an identity provider would issue it. */
  static String token(String user) {
    return DevTokens.issue(SECRET, UserId.of(user), TOKEN_TTL, ISSUER, null);
  }
}
