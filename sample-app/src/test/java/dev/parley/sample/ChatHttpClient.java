package dev.parley.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A REST client of the chat API over java.net.http, with the usual shortcuts. */
final class ChatHttpClient {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final String JSON = "application/json";

  /** Shared by the scenarios: one connection pool, as a real client has. */
  private static final HttpClient SHARED = newHttpClient();

  private final HttpClient http;
  private final String base;

  ChatHttpClient(URI base) {
    this(base, SHARED);
  }

  ChatHttpClient(URI base, HttpClient http) {
    String text = base.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    this.http = http;
  }

  /** HTTP/1.1 (no h2c upgrade attempts), with a connect timeout. */
  static HttpClient newHttpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(TIMEOUT)
        .build();
  }

  static HttpClient shared() {
    return SHARED;
  }

  URI uri(String path) {
    return URI.create(base + path);
  }

  Reply get(String path, String token) throws IOException, InterruptedException {
    return send("GET", path, token, null, null);
  }

  Reply post(String path, String token, Map<String, ?> body)
      throws IOException, InterruptedException {
    return send("POST", path, token, JSON, TestJson.write(body).getBytes(StandardCharsets.UTF_8));
  }

  Reply put(String path, String token, Map<String, ?> body)
      throws IOException, InterruptedException {
    return send("PUT", path, token, JSON, TestJson.write(body).getBytes(StandardCharsets.UTF_8));
  }

  /** Bodies above this are sent with {@code Expect: 100-continue}. */
  private static final int LARGE_BODY = 64 * 1024;

  /** Any request; a null token, content type or body is left out. */
  Reply send(String method, String path, String token, String contentType, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT);
    if (body != null && body.length > LARGE_BODY) {
      // As a well-behaved client does: let the server refuse (413) before the body is sent,
      // instead of racing the server's close while still writing megabytes.
      request.expectContinue(true);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    String shownBody = body == null ? "" : " (" + body.length + " bytes)";
    return new Reply(
        method + " " + path + shownBody,
        response.statusCode(),
        response.headers(),
        response.body());
  }
}
