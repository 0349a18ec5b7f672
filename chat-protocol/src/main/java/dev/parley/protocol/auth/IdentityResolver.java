package dev.parley.protocol.auth;

/**
 * The identity resolver port of the protocol: tells which user a bearer token speaks for. Both
 * runtimes (Jetty and Lambda) call it on every REST request and WebSocket handshake, so
 * implementations must be thread-safe and should be built once.
 */
@FunctionalInterface
public interface IdentityResolver {

  /**
   * Verifies {@code token} and names its user.
   *
   * @param token the raw token as the client sent it (without the {@code Bearer} scheme); may be
   *     null or garbage, which is {@link Authentication.Rejected}, not an exception
   * @return never null; a refusal is a {@link Authentication.Rejected} whose reason never contains
   *     the token
   */
  Authentication authenticate(String token);
}
