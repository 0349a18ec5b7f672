package dev.parley.protocol.auth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The OAuth scopes of the API: what a client application may do on a user's behalf, checked per
 * route by the gateway's JWT authorizer (the SAM templates, the local emulator). Coarse on purpose:
 * who may do what in a room is still decided by the room's roles; a scope only says whether this
 * client may ask at all (a read-only widget holds {@link #READ}, a bot {@link #READ} and {@link
 * #WRITE}, a moderation console also {@link #MODERATE}).
 */
public enum Scope {
  /** Reading rooms, members, history, presence and unread counts. */
  READ("parley/read"),
  /** Chatting: rooms, joining and leaving, posting, editing, reacting, read markers, typing. */
  WRITE("parley/write"),
  /** Moderating a room: roles, bans, mutes, pins. */
  MODERATE("parley/moderate"),
  /** Administering a room: its settings, archiving it. */
  ADMIN("parley/admin");

  /** The resource server of the scopes, as a Cognito user pool names it. */
  public static final String RESOURCE_SERVER = "parley";

  private final String value;

  Scope(String value) {
    this.value = value;
  }

  /** The scope as a token carries it, such as {@code parley/read}. */
  public String value() {
    return value;
  }

  /** The part after the resource server, such as {@code read}. */
  public String shortName() {
    return value.substring(RESOURCE_SERVER.length() + 1);
  }

  /**
   * The scopes of a token's {@code scope} claim (space-separated, RFC 8693 and Cognito) or {@code
   * scp} claim (a list, as some issuers write it); unknown scopes are ignored.
   */
  public static Set<Scope> granted(Object claim) {
    Set<Scope> granted = EnumSet.noneOf(Scope.class);
    if (claim == null) {
      return granted;
    }
    Iterable<?> items =
        claim instanceof Iterable<?> list
            ? list
            : Arrays.asList(claim.toString().strip().split("\\s+"));
    for (Object item : items) {
      for (Scope scope : values()) {
        if (scope.value.equals(String.valueOf(item))) {
          granted.add(scope);
        }
      }
    }
    return granted;
  }

  /** Every scope, space-separated: what a development token carries. */
  public static String all() {
    StringBuilder all = new StringBuilder();
    for (Scope scope : values()) {
      all.append(all.isEmpty() ? "" : " ").append(scope.value);
    }
    return all.toString();
  }
}
