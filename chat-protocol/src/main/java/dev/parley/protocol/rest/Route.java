package dev.parley.protocol.rest;

/** One entry of the route table: an HTTP method and a path template, and what answers them. */
public record Route(String method, PathTemplate path, RouteHandler handler) {
  public static Route of(String method, String template, RouteHandler handler) {
    return new Route(method, PathTemplate.of(template), handler);
  }

  /** For example {@code POST /rooms/{roomId}/messages}. */
  public String describe() {
    return method + " " + path.template();
  }
}
