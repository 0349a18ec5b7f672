package dev.parley.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Generates malformed REST requests from the documented operations, each breaking one thing in an
 * otherwise plausible request (real ids, a member's token, the documented example body), so that
 * the broken part is what the server has to cope with rather than an earlier refusal.
 */
final class MalformedRequests {
  private static final List<String> KINDS =
      List.of(
          "wrong-method",
          "token",
          "path-variable",
          "query",
          "body-shape",
          "body-field",
          "body-encoding",
          "content-type",
          "oversized-body",
          "request-line");

  private static final List<String> METHODS =
      List.of("GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD", "FOO", "get");

  /** Path segments as sent on the wire (already percent-encoded where meant to be). */
  private static final List<String> BAD_SEGMENTS =
      List.of(
          "..",
          "%2E%2E",
          ".",
          "%00",
          "a%00b",
          "%2F",
          "a%2Fb",
          "%2F..%2F..",
          "%C0%AF",
          "%C0%80",
          "%E2%82",
          "%FF",
          "%ED%A0%80",
          "%ED%B0%80",
          "%E2%80%8B",
          "a%E2%80%8Bb",
          "%E2%80%AE",
          "%C2%A0",
          "%20",
          "%09",
          "%0A",
          "%",
          "%zz",
          "%2",
          "+",
          "%F0%9F%91%8D",
          "' OR 1=1 --",
          "%3Cscript%3E",
          "null",
          "-1",
          "0",
          "9999999999999999999999");

  private static final List<String> QUERIES =
      List.of(
          "limit=-1",
          "limit=abc",
          "limit=0",
          "limit=101",
          "limit=99999999999999999999",
          "limit=1.5",
          "limit=",
          "limit",
          "limit=1&limit=2",
          "before=xyz",
          "before=-5",
          "after=abc",
          "after=1e9",
          "around=%00",
          "cursor=garbage",
          "cursor=%FF%FE",
          "cursor=" + "A".repeat(5000),
          "unknown=1",
          "before=1&after=2&around=3",
          "limit=%C0%B1",
          "=",
          "&&&",
          "limit=1%00");

  private static final List<String> CONTENT_TYPES =
      List.of(
          "text/plain",
          "application/xml",
          "application/json; charset=iso-8859-1",
          "application/json; charset=utf-16",
          "multipart/form-data; boundary=x",
          "application/x-www-form-urlencoded",
          "application/jsonx",
          "*/*",
          "application/",
          "application/json; charset=",
          ";;;");

  private static final List<String> REQUEST_LINES_VERSIONS =
      List.of("HTTP/9.9", "HTTP/1.x", "HTTP/0.9", "HTTP/1.1 extra", "HTTP/", "FOO/1.1", "http/1.1");

  private final Random random;
  private final List<OpenApiRoutes.Operation> operations;
  private final BadInputFixture fixture;
  private int next;

  MalformedRequests(long seed, List<OpenApiRoutes.Operation> operations, BadInputFixture fixture) {
    this.random = new Random(seed);
    this.operations = operations;
    this.fixture = fixture;
  }

  /** One request to send, naming the operation it was derived from and how it is broken. */
  record FuzzRequest(
      String kind,
      String route,
      String method,
      byte[] target,
      String version,
      List<String> headers,
      byte[] body) {

    /** A short, printable form for reports. */
    String describe() {
      String shownTarget = printable(target, 160);
      String shownBody = body == null ? "" : " body(" + body.length + "): " + printable(body, 200);
      return method + " " + shownTarget + " " + version + " " + headers + shownBody;
    }
  }

  /** The next request: operations in turn, so every route is covered evenly; a random defect. */
  FuzzRequest next() {
    OpenApiRoutes.Operation operation = operations.get(next++ % operations.size());
    String kind = KINDS.get(random.nextInt(KINDS.size()));
    return switch (kind) {
      case "wrong-method" -> wrongMethod(operation);
      case "token" -> badToken(operation);
      case "path-variable" -> badPathVariable(operation);
      case "query" -> badQuery(operation);
      case "body-shape" -> withBody(operation, kind, BadBodies.shape(random));
      case "body-field" ->
          withBody(operation, kind, BadBodies.field(random, example(operation), fields(operation)));
      case "body-encoding" ->
          withBody(operation, kind, BadBodies.encoding(random, example(operation)));
      case "content-type" -> contentType(operation);
      case "oversized-body" -> oversized(operation);
      default -> requestLine(operation);
    };
  }

  private FuzzRequest wrongMethod(OpenApiRoutes.Operation operation) {
    String method = pick(METHODS);
    return request(
        "wrong-method", operation, method, path(operation, -1), "", auth(), body(operation));
  }

  private FuzzRequest badToken(OpenApiRoutes.Operation operation) {
    List<String> headers = new ArrayList<>();
    String secret = fixture.secret();
    String user = fixture.user(random);
    switch (random.nextInt(10)) {
      case 0 -> {}
      case 1 -> headers.add("Authorization: Bearer " + TestTokens.expired(secret, user));
      case 2 -> headers.add("Authorization: Bearer " + TestTokens.valid(secret, "12345"));
      case 3 -> headers.add("Authorization: Bearer " + TestTokens.unsigned(user));
      case 4 ->
          headers.add(
              "Authorization: Bearer " + TestTokens.valid("x".repeat(40) + "-other-key", user));
      case 5 -> headers.add("Authorization: Bearer");
      case 6 -> headers.add("Authorization: Basic YWxpY2U6c2VjcmV0");
      case 7 -> headers.add("Authorization: Bearer not.a.jwt");
      case 8 -> headers.add("Authorization: Bearer " + "e".repeat(9000));
      default -> headers.add("Authorization: Bearer " + TestTokens.valid(secret, "a/b c"));
    }
    addJsonType(operation, headers);
    return request(
        "token", operation, operation.method(), path(operation, -1), "", headers, body(operation));
  }

  private FuzzRequest badPathVariable(OpenApiRoutes.Operation operation) {
    int index =
        operation.pathParameters().isEmpty()
            ? -2
            : random.nextInt(operation.pathParameters().size());
    return request(
        "path-variable",
        operation,
        operation.method(),
        path(operation, index),
        "",
        auth(operation),
        body(operation));
  }

  private FuzzRequest badQuery(OpenApiRoutes.Operation operation) {
    String query = pick(QUERIES);
    byte[] target = (path(operation, -1) + "?" + query).getBytes(StandardCharsets.UTF_8);
    return new FuzzRequest(
        "query",
        operation.describe(),
        operation.method(),
        target,
        "HTTP/1.1",
        auth(operation),
        body(operation));
  }

  private FuzzRequest withBody(OpenApiRoutes.Operation operation, String kind, byte[] body) {
    return request(
        kind, operation, operation.method(), path(operation, -1), "", auth(operation), body);
  }

  private FuzzRequest contentType(OpenApiRoutes.Operation operation) {
    List<String> headers = new ArrayList<>(auth());
    if (random.nextInt(4) != 0) {
      headers.add("Content-Type: " + pick(CONTENT_TYPES));
    }
    byte[] body =
        operation.hasBody() ? BadBodies.bytes(operation.bodyExample()) : BadBodies.bytes("{}");
    return request(
        "content-type", operation, operation.method(), path(operation, -1), "", headers, body);
  }

  private FuzzRequest oversized(OpenApiRoutes.Operation operation) {
    byte[] body = BadBodies.oversized(random, example(operation));
    return request(
        "oversized-body",
        operation,
        operation.method(),
        path(operation, -1),
        "",
        auth(operation),
        body);
  }

  private FuzzRequest requestLine(OpenApiRoutes.Operation operation) {
    String version = pick(REQUEST_LINES_VERSIONS);
    byte[] target = path(operation, -1).getBytes(StandardCharsets.UTF_8);
    if (random.nextBoolean()) {
      // Raw bytes that are not UTF-8, unescaped, right in the request target.
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      raw.writeBytes(target);
      raw.writeBytes(new byte[] {'/', (byte) 0xC0, (byte) 0xAF, (byte) 0xFF});
      target = raw.toByteArray();
      version = "HTTP/1.1";
    }
    return new FuzzRequest(
        "request-line",
        operation.describe(),
        operation.method(),
        target,
        version,
        auth(operation),
        body(operation));
  }

  private FuzzRequest request(
      String kind,
      OpenApiRoutes.Operation operation,
      String method,
      String path,
      String query,
      List<String> headers,
      byte[] body) {
    byte[] target = (path + query).getBytes(StandardCharsets.UTF_8);
    return new FuzzRequest(kind, operation.describe(), method, target, "HTTP/1.1", headers, body);
  }

  /** The operation's path with real ids; the parameter at {@code broken} (or, -2, a suffix) bad. */
  private String path(OpenApiRoutes.Operation operation, int broken) {
    String path = operation.template();
    List<String> names = operation.pathParameters();
    for (int i = 0; i < names.size(); i++) {
      String value = i == broken ? badSegment() : fixture.pathValue(names.get(i));
      path = path.replace("{" + names.get(i) + "}", value);
    }
    return broken == -2 ? path + "/" + badSegment() : path;
  }

  private String badSegment() {
    return switch (random.nextInt(6)) {
      case 0 -> "x".repeat(129 + random.nextInt(4000));
      case 1 -> pick(BAD_SEGMENTS) + pick(BAD_SEGMENTS);
      default -> pick(BAD_SEGMENTS);
    };
  }

  private List<String> auth() {
    return new ArrayList<>(List.of("Authorization: Bearer " + fixture.token(random)));
  }

  private List<String> auth(OpenApiRoutes.Operation operation) {
    List<String> headers = auth();
    addJsonType(operation, headers);
    return headers;
  }

  private static void addJsonType(OpenApiRoutes.Operation operation, List<String> headers) {
    if (operation.hasBody()) {
      headers.add("Content-Type: application/json");
    }
  }

  private byte[] body(OpenApiRoutes.Operation operation) {
    return operation.hasBody() ? BadBodies.bytes(operation.bodyExample()) : null;
  }

  private static ObjectNode example(OpenApiRoutes.Operation operation) {
    JsonNode example = operation.bodyExample();
    return example != null && example.isObject()
        ? ((ObjectNode) example).deepCopy()
        : BadBodies.object("text", "hi");
  }

  private static List<String> fields(OpenApiRoutes.Operation operation) {
    if (!operation.bodyFields().isEmpty()) {
      return operation.bodyFields();
    }
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = example(operation).fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  static String printable(byte[] bytes, int max) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < bytes.length && out.length() < max; i++) {
      int b = bytes[i] & 0xFF;
      if (b >= 0x20 && b < 0x7F) {
        out.append((char) b);
      } else {
        out.append(String.format("\\x%02X", b));
      }
    }
    return bytes.length > max ? out + "...(" + bytes.length + " bytes)" : out.toString();
  }
}
