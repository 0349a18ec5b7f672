package dev.parley.benchmarks.load;

import dev.parley.protocol.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Prepares a load test through the REST API: a public room and its members. */
final class ChatSetup {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http;
  private final String baseUri;

  ChatSetup(HttpClient http, String baseUri) {
    this.http = http;
    this.baseUri = baseUri;
  }

  /** An HTTP/1.1 client (no h2c upgrade attempts), as the drivers use. */
  static HttpClient newHttpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(TIMEOUT)
        .build();
  }

  /** Creates a public room with the default settings, owned by {@code owner}; returns its id. */
  String createPublicRoom(String owner, String name) throws IOException, InterruptedException {
    String body = "{\"name\":\"" + name + "\",\"type\":\"PUBLIC\"}";
    HttpResponse<String> created = post("/rooms", owner, body);
    if (created.statusCode() != 201) {
      throw new IllegalStateException(
          "room not created: " + created.statusCode() + " " + created.body());
    }
    return Json.readTree(created.body().getBytes(StandardCharsets.UTF_8)).get("id").asText();
  }

  /** {@code user} joins the public room. */
  void join(String roomId, String user) throws IOException, InterruptedException {
    HttpResponse<String> joined = post("/rooms/" + roomId + "/members", user, "{}");
    if (joined.statusCode() != 200) {
      throw new IllegalStateException(
          user + " could not join: " + joined.statusCode() + " " + joined.body());
    }
  }

  private HttpResponse<String> post(String path, String user, String json)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUri + path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + LoadAuth.token(user))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** A JSON string literal for plain text (the drivers' texts hold no quotes or controls). */
  static String jsonString(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20) {
        throw new IllegalArgumentException("not plain text: " + text);
      }
    }
    return '"' + text + '"';
  }
}
