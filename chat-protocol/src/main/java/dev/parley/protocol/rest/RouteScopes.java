package dev.parley.protocol.rest;

import dev.parley.protocol.auth.Scope;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The scope each route of the table needs, in one place: the SAM templates' routes are generated
 * from it and the local emulator's authorizer enforces it, and {@code RouteScopesTest} fails when a
 * route of {@link RestApi#routes()} has none or this names a route that does not exist. Open routes
 * (the API's documents) need no scope and are not listed.
 *
 * <p>Reading needs {@link Scope#READ}, except a room's bans and mutes, which are moderation. {@code
 * DELETE /rooms/{roomId}/members/{userId}} is leaving (your own id) or kicking (another's): one
 * route, so {@link Scope#WRITE}; kicking is still only for the room's moderators.
 */
public final class RouteScopes {
  private static final Map<String, Scope> SCOPES = new LinkedHashMap<>();

  static {
    read("GET /rooms");
    read("GET /rooms/{roomId}");
    read("GET /rooms/{roomId}/members");
    read("GET /rooms/{roomId}/messages");
    read("GET /rooms/{roomId}/messages/search");
    read("GET /rooms/{roomId}/messages/{messageId}");
    read("GET /rooms/{roomId}/messages/{messageId}/replies");
    read("GET /rooms/{roomId}/presence");
    read("GET /me/unread");
    read("GET /me/blocks");
    read("GET /public-rooms");
    read("GET /rooms/{roomId}/pins");
    read("GET /rooms/{roomId}/threads");

    write("POST /rooms");
    write("POST /direct-rooms");
    write("POST /rooms/{roomId}/members");
    write("DELETE /rooms/{roomId}/members/{userId}");
    write("POST /rooms/{roomId}/messages");
    write("PATCH /rooms/{roomId}/messages/{messageId}");
    write("DELETE /rooms/{roomId}/messages/{messageId}");
    write("PUT /rooms/{roomId}/messages/{messageId}/reactions/{emoji}");
    write("DELETE /rooms/{roomId}/messages/{messageId}/reactions/{emoji}");
    write("POST /rooms/{roomId}/read");
    write("POST /rooms/{roomId}/unread");
    write("POST /rooms/{roomId}/typing");
    write("PUT /me/blocks/{userId}");
    write("DELETE /me/blocks/{userId}");

    moderate("GET /rooms/{roomId}/bans");
    moderate("GET /rooms/{roomId}/mutes");
    moderate("PUT /rooms/{roomId}/members/{userId}/role");
    moderate("PUT /rooms/{roomId}/bans/{userId}");
    moderate("DELETE /rooms/{roomId}/bans/{userId}");
    moderate("PUT /rooms/{roomId}/mutes/{userId}");
    moderate("DELETE /rooms/{roomId}/mutes/{userId}");
    moderate("PUT /rooms/{roomId}/messages/{messageId}/pin");
    moderate("DELETE /rooms/{roomId}/messages/{messageId}/pin");

    admin("PATCH /rooms/{roomId}");
    admin("DELETE /rooms/{roomId}");
  }

  private RouteScopes() {}

  /** The scope {@code route} needs; empty for an open route or one missing from the table. */
  public static Optional<Scope> of(Route route) {
    return Optional.ofNullable(SCOPES.get(route.describe()));
  }

  /** Every route with its scope, as {@code "METHOD /template"}, in the table's order. */
  public static Map<String, Scope> table() {
    return Collections.unmodifiableMap(SCOPES);
  }

  private static void read(String route) {
    SCOPES.put(route, Scope.READ);
  }

  private static void write(String route) {
    SCOPES.put(route, Scope.WRITE);
  }

  private static void moderate(String route) {
    SCOPES.put(route, Scope.MODERATE);
  }

  private static void admin(String route) {
    SCOPES.put(route, Scope.ADMIN);
  }
}
