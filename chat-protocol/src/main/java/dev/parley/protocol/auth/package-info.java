/**
 * Authentication of chat clients: the {@link dev.parley.protocol.auth.IdentityResolver} port, its
 * JWT implementation on nimbus-jose-jwt ({@link dev.parley.protocol.auth.JwtIdentityResolver},
 * configured by {@link dev.parley.protocol.auth.JwtSettings}), and {@link
 * dev.parley.protocol.auth.BearerTokens}, which finds the token in an HTTP request or a WebSocket
 * handshake, and {@link dev.parley.protocol.auth.Authenticator}, the one place a token becomes a
 * user or the problem refusing it.
 *
 * <p>Tokens are credentials: nothing in this package logs them, puts them in an exception message
 * or prints them from {@code toString()}.
 */
package dev.parley.protocol.auth;
