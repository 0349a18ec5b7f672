package dev.parley.adapter.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.rest.RestApi;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestEndpointsTest {
  private static final int TWO_MB = 2 * 1024 * 1024;

  private TestServer chat;

  @BeforeEach
  void start() throws Exception {
    chat = TestServer.start();
  }

  @AfterEach
  void stop() {
    chat.close();
  }

  @Test
  void createsARoomPostsAndReadsItBack() throws Exception {
    HttpResponse<String> room =
        chat.send("POST", "/rooms", "alice", "{\"name\":\"general\",\"type\":\"PUBLIC\"}");
    assertThat(room.statusCode()).isEqualTo(201);
    String roomId = TestServer.json(room).get("id").asText();
    assertThat(room.headers().firstValue("Location")).hasValue("/rooms/" + roomId);

    HttpResponse<String> posted =
        chat.send("POST", "/rooms/" + roomId + "/messages", "alice", "{\"text\":\"hello\"}");
    assertThat(posted.statusCode()).isEqualTo(201);
    JsonNode message = TestServer.json(posted);
    assertThat(message.get("text").asText()).isEqualTo("hello");
    assertThat(posted.headers().firstValue("Location"))
        .hasValue("/rooms/" + roomId + "/messages/" + message.get("id").asText());

    HttpResponse<String> history = chat.get("/rooms/" + roomId + "/messages?limit=10", "alice");
    assertThat(history.statusCode()).isEqualTo(200);
    assertThat(history.body()).contains("\"hello\"");
  }

  @Test
  void aBodyOfOverlongUtf8IsAMalformedRequestAndNothingIsPosted() throws Exception {
    HttpResponse<String> room =
        chat.send("POST", "/rooms", "alice", "{\"name\":\"general\",\"type\":\"public\"}");
    String messages = "/rooms/" + TestServer.json(room).get("id").asText() + "/messages";
    byte[] overlongSlash = {
      '{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'
    };

    HttpResponse<String> refused =
        chat.send(
            chat.request(messages, "alice")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(overlongSlash))
                .build());

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(TestServer.json(refused).get("type").asText())
        .isEqualTo("https://parley.dev/problems/malformed-request");
    assertThat(TestServer.json(chat.get(messages, "alice")).get("messages")).isEmpty();
  }

  @Test
  void echoesASafeRequestIdAndReplacesAnUnsafeOne() throws Exception {
    HttpResponse<String> given =
        chat.send(chat.request("/rooms", "alice").header("X-Request-Id", "req-42.a:b").build());
    assertThat(given.headers().firstValue("X-Request-Id")).hasValue("req-42.a:b");

    HttpResponse<String> unsafe =
        chat.send(chat.request("/rooms", "alice").header("X-Request-Id", "a b<script>").build());
    assertThat(unsafe.headers().firstValue("X-Request-Id"))
        .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
  }

  @Test
  void refusesAMissingOrBadTokenWith401() throws Exception {
    HttpResponse<String> missing = chat.get("/rooms", null);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(missing.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(TestServer.json(missing).get("instance").asText())
        .isEqualTo(
            "urn:parley:request:" + missing.headers().firstValue("X-Request-Id").orElseThrow());

    HttpResponse<String> forged =
        chat.send(
            chat.request("/rooms", null)
                .header("Authorization", "Bearer " + TestServer.token("alice") + "x")
                .build());
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.body()).contains("unauthenticated");
  }

  @Test
  void refusesADeclaredTwoMegabyteBodyWith413AndKeepsServing() throws Exception {
    byte[] body = new byte[TWO_MB];
    Arrays.fill(body, (byte) 'a');
    HttpResponse<String> tooLarge =
        chat.send(
            chat.request("/rooms", "alice")
                .header("Content-Type", "application/json")
                // The server refuses before the body is sent, as it should with a declared length.
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());

    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.body()).contains("payload-too-large");
    assertThat(chat.get("/rooms", "alice").statusCode()).isEqualTo(200);
  }

  @Test
  void refusesAnUndeclaredOversizedBodyWith413AndKeepsServing() throws Exception {
    // Just over the limit: enough to prove the server stops reading at 1 MB + 1 byte, small
    // enough that the unread tail is already in flight when the server answers and closes.
    byte[] body = new byte[RestApi.MAX_BODY_BYTES + 16 * 1024];
    Arrays.fill(body, (byte) 'a');
    // No length up front: the server must stop reading after 1 MB + 1 byte.
    HttpResponse<String> tooLarge =
        chat.send(
            chat.request("/rooms", "alice")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());

    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(chat.get("/rooms", "alice").statusCode()).isEqualTo(200);
  }

  @Test
  void clientMistakesAreNever500() throws Exception {
    assertThat(chat.get("/rooms?limit=%FF%FE", "alice").statusCode()).isEqualTo(400);
    assertThat(chat.get("/rooms?limit=ten", "alice").statusCode()).isEqualTo(400);
    assertThat(chat.send("POST", "/rooms", "alice", "{not json").statusCode()).isEqualTo(400);
    assertThat(chat.get("/nowhere", "alice").statusCode()).isEqualTo(404);
    assertThat(chat.send("PUT", "/rooms", "alice", "{}").statusCode()).isEqualTo(405);
  }
}
