package dev.parley.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.auth.DevTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The browser chat demo of the sample server (development mode only): the page at {@code /}, its
 * assets under {@code /demo/}, and {@code POST /dev/token}, which answers {@code {"token": ...}}
 * for {@code {"user": "alice"}} signed with the built-in development secret. Anyone can sign in as
 * anyone here, which is why {@link Main} mounts it only when that secret is in use.
 */
final class DemoHandler extends Handler.Abstract {
  static final String TOKEN_PATH = "/dev/token";

  /** Where the sample-app build puts clients/web-demo and the client's browser bundle. */
  private static final String RESOURCES = "demo/";

  /** Path to resource name and content type; a fixed list, so no path ever reaches the loader. */
  private static final Map<String, String[]> PAGES =
      Map.of(
          "/", new String[] {"index.html", "text/html; charset=utf-8"},
          "/demo/app.js", new String[] {"app.js", "text/javascript; charset=utf-8"},
          "/demo/style.css", new String[] {"style.css", "text/css; charset=utf-8"},
          "/demo/parley.browser.js",
              new String[] {"parley.browser.js", "text/javascript; charset=utf-8"});

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String secret;
  private final String issuer;
  private final String audience;

  DemoHandler(String secret, String issuer, String audience) {
    this.secret = secret;
    this.issuer = issuer;
    this.audience = audience;
  }

  /** Whether the jar carries the demo: a build that skipped the npm client has no bundle. */
  static boolean packaged() {
    ClassLoader loader = DemoHandler.class.getClassLoader();
    return PAGES.values().stream()
        .allMatch(page -> loader.getResource(RESOURCES + page[0]) != null);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws IOException {
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    if (path.equals(TOKEN_PATH) && method.equals("POST")) {
      token(request, response, callback);
      return true;
    }
    String[] page = PAGES.get(path);
    if (page == null || !(method.equals("GET") || method.equals("HEAD"))) {
      return false;
    }
    write(response, callback, 200, page[1], resource(page[0]));
    return true;
  }

  private void token(Request request, Response response, Callback callback) throws IOException {
    String user;
    try (InputStream body = Content.Source.asInputStream(request)) {
      JsonNode json = JSON.readTree(body.readNBytes(4096));
      user = json == null ? null : json.path("user").asText(null);
    } catch (IOException e) {
      user = null;
    }
    UserId userId;
    try {
      userId = UserId.of(user == null ? "" : user.strip());
    } catch (IllegalArgumentException e) {
      String problem =
          JSON.writeValueAsString(
              Map.of(
                  "type",
                  "about:blank",
                  "title",
                  "Bad request",
                  "status",
                  400,
                  "detail",
                  "send {\"user\": \"alice\"}: " + e.getMessage()));
      write(response, callback, 400, "application/problem+json", bytes(problem));
      return;
    }
    String token = DevTokens.issue(secret, userId, Main.DEV_TOKEN_TTL, issuer, audience);
    write(
        response,
        callback,
        200,
        "application/json",
        bytes(JSON.writeValueAsString(Map.of("token", token))));
  }

  private static byte[] resource(String name) {
    try (InputStream in =
        DemoHandler.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("the demo's " + name + " is not in the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void write(
      Response response, Callback callback, int status, String type, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    // Tokens and a page under development: never from a cache.
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
