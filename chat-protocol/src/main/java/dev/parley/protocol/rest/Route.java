package dev.parley.protocol.rest;

/**
 * One entry of the route table: an HTTP method and a path template, who may call it, and what
 * answers them.
 */
public record Route(String method, PathTemplate path, RouteHandler handler, Access access) {
  /** Who may call a route. */
  public enum Access {
    /** A caller with a valid bearer token: every route of the chat itself. */
    BEARER_TOKEN,
    /** Anyone: the API's own documents, which a client reads before it has a token. */
    OPEN
  }

  public static Route of(String method, String template, RouteHandler handler) {
    return new Route(method, PathTemplate.of(template), handler, Access.BEARER_TOKEN);
  }

  public static Route open(String method, String template, RouteHandler handler) {
    return new Route(method, PathTemplate.of(template), handler, Access.OPEN);
  }

  /** For example {@code POST /rooms/{roomId}/messages}. */
  public String describe() {
    return method + " " + path.template();
  }
}
