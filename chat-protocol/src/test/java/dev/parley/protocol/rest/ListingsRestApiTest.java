package dev.parley.protocol.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.config.ChatSettings;
import dev.parley.protocol.ProtocolTestComponent;
import dev.parley.protocol.Tokens;
import dev.parley.testkit.adapter.ControllableClockAdapter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The listings over REST: my rooms by activity, pins, threads, bans and mutes; their pages and
 * their refusals, each answer checked against docs/openapi.yaml by {@link RestClient}.
 */
class ListingsRestApiTest {
  private static final String ALICE = Tokens.of("alice");
  private static final String BOB = Tokens.of("bob");
  private static final String CAROL = Tokens.of("carol");

  private final ControllableClockAdapter clock = new ControllableClockAdapter();
  private RestClient client;
  private String room;
  private String r;

  @BeforeEach
  void setUp() {
    client = new RestClient(ProtocolTestComponent.create(ChatSettings.DEFAULTS, clock).restApi());
    room = createRoom(ALICE, "general", "public");
    r = "/rooms/" + room;
    assertThat(client.json("POST", r + "/members", BOB, null).status()).isEqualTo(200);
  }

  private String createRoom(String token, String name, String type) {
    RestClient.Reply reply =
        client.json(
            "POST", "/rooms", token, "{\"name\":\"" + name + "\",\"type\":\"" + type + "\"}");
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    return reply.text("id");
  }

  private String post(String roomId, String token, String text, String parentId) {
    String parent = parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"";
    RestClient.Reply reply =
        client.json(
            "POST",
            "/rooms/" + roomId + "/messages",
            token,
            "{\"text\":\"" + text + "\"" + parent + "}");
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    return reply.text("id");
  }

  private static List<String> texts(JsonNode items, String path) {
    List<String> texts = new ArrayList<>();
    for (JsonNode item : items) {
      JsonNode node = path == null ? item : item.path(path);
      texts.add(node.has("text") ? node.path("text").asText() : node.path("name").asText());
    }
    return texts;
  }

  private static String encoded(String cursor) {
    return URLEncoder.encode(cursor, StandardCharsets.UTF_8);
  }

  private static void assertProblem(RestClient.Reply reply, int status, String type) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(status);
    assertThat(reply.problemType()).as("%s", reply).isEqualTo(type);
  }

  @Test
  void myRoomsComeByLatestActivity() {
    clock.advance(Duration.ofMinutes(1));
    String quiet = createRoom(ALICE, "quiet", "private");
    clock.advance(Duration.ofMinutes(1));
    post(room, BOB, "general wakes up", null);

    JsonNode rooms = client.get("/rooms", ALICE).json().path("items");

    assertThat(texts(rooms, null)).containsExactly("general", "quiet");
    assertThat(rooms.get(0).path("unreadCount").asLong()).isEqualTo(1);
    assertThat(quiet).isNotEmpty();
  }

  @Test
  void pinsAndThreadsArePagedForReaders() {
    String first = post(room, ALICE, "first", null);
    String second = post(room, ALICE, "second", null);
    post(room, BOB, "on first", first);
    post(room, BOB, "on second", second);
    for (String id : List.of(first, second)) {
      assertThat(client.json("PUT", r + "/messages/" + id + "/pin", ALICE, null).status())
          .isEqualTo(200);
    }

    RestClient.Reply pins = client.get(r + "/pins?limit=1", BOB);
    RestClient.Reply more =
        client.get(r + "/pins?limit=1&cursor=" + encoded(pins.text("nextCursor")), BOB);
    JsonNode threads = client.get(r + "/threads", CAROL).json().path("items");

    assertThat(texts(pins.json().path("items"), null)).containsExactly("second");
    assertThat(texts(more.json().path("items"), null)).containsExactly("first");
    assertThat(more.json().has("nextCursor")).isFalse();
    assertThat(texts(threads, "root")).containsExactly("second", "first");
    assertThat(texts(threads, "lastReply")).containsExactly("on second", "on first");
    assertThat(threads.get(0).path("root").path("replyCount").asInt()).isEqualTo(1);
  }

  @Test
  void bansAndMutesAreForModeratorsOnly() {
    assertThat(client.json("PUT", r + "/bans/dave", ALICE, "{\"reason\":\"spam\"}").status())
        .isEqualTo(200);
    assertThat(client.json("PUT", r + "/mutes/bob", ALICE, "{\"durationSeconds\":60}").status())
        .isEqualTo(200);

    JsonNode bans = client.get(r + "/bans", ALICE).json().path("items");
    JsonNode mutes = client.get(r + "/mutes", ALICE).json().path("items");
    RestClient.Reply member = client.get(r + "/bans", BOB);
    RestClient.Reply outsider = client.get(r + "/mutes", CAROL);

    assertThat(bans).hasSize(1);
    assertThat(bans.get(0).path("userId").asText()).isEqualTo("dave");
    assertThat(bans.get(0).path("bannedBy").asText()).isEqualTo("alice");
    assertThat(bans.get(0).path("reason").asText()).isEqualTo("spam");
    assertThat(mutes).hasSize(1);
    assertThat(mutes.get(0).path("userId").asText()).isEqualTo("bob");
    assertThat(mutes.get(0).has("mutedUntil")).isTrue();
    assertProblem(member, 403, "forbidden");
    assertThat(member.text("reason")).isEqualTo("role-too-low");
    assertProblem(outsider, 403, "forbidden");
    assertThat(outsider.text("reason")).isEqualTo("not-a-member");
  }

  @Test
  void theDirectoryFindsPublicRoomsByPrefixForAnyone() {
    createRoom(ALICE, "General chat", "public");
    createRoom(ALICE, "generalities", "private");

    RestClient.Reply found = client.get("/public-rooms?prefix=GEN&limit=1", CAROL);
    RestClient.Reply next =
        client.get(
            "/public-rooms?prefix=GEN&limit=1&cursor=" + encoded(found.text("nextCursor")), CAROL);

    assertThat(texts(found.json().path("items"), null)).containsExactly("general");
    assertThat(found.json().path("items").get(0).has("yourRole")).isFalse();
    assertThat(texts(next.json().path("items"), null)).containsExactly("General chat");
    assertThat(next.json().has("nextCursor")).isFalse();
    RestClient.Reply otherPrefix =
        client.get("/public-rooms?prefix=ge&cursor=" + encoded(found.text("nextCursor")), CAROL);
    assertProblem(otherPrefix, 400, "invalid-input");
    assertThat(otherPrefix.violationFields()).containsExactly("cursor");
    RestClient.Reply badPrefix = client.get("/public-rooms?prefix=%09tab", CAROL);
    assertProblem(badPrefix, 400, "invalid-input");
    assertThat(badPrefix.violationFields()).containsExactly("prefix");
    RestClient.Reply badLimit = client.get("/public-rooms?limit=0", CAROL);
    assertThat(badLimit.violationFields()).containsExactly("limit");
    assertProblem(client.get("/public-rooms", null), 401, "unauthenticated");
  }

  @Test
  void aPrivateRoomsListingsAreNotFoundForOutsiders() {
    String hidden = "/rooms/" + createRoom(ALICE, "hidden", "private");
    for (String listing : List.of("/pins", "/threads", "/bans", "/mutes")) {
      assertProblem(client.get(hidden + listing, CAROL), 404, "not-found");
      assertProblem(client.get("/rooms/no-such-room" + listing, ALICE), 404, "not-found");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "-1", "abc", ""})
  void anInvalidLimitIsInvalidInputNamingLimit(String limit) {
    for (String listing : List.of("/pins", "/threads", "/bans", "/mutes")) {
      RestClient.Reply reply = client.get(r + listing + "?limit=" + limit, ALICE);
      assertProblem(reply, 400, "invalid-input");
      assertThat(reply.violationFields()).containsExactly("limit");
    }
  }

  @Test
  void aCursorOfAnotherListingOrRoomIsInvalidInputNamingCursor() {
    for (int i = 0; i < 2; i++) {
      String id = post(room, ALICE, "m" + i, null);
      client.json("PUT", r + "/messages/" + id + "/pin", ALICE, null);
      post(room, ALICE, "r" + i, id);
    }
    String pinsCursor = client.get(r + "/pins?limit=1", ALICE).text("nextCursor");
    String threadsCursor = client.get(r + "/threads?limit=1", ALICE).text("nextCursor");
    String other = "/rooms/" + createRoom(ALICE, "other", "public");

    for (String bad : List.of("not-a-cursor", encoded(threadsCursor))) {
      RestClient.Reply reply = client.get(r + "/pins?cursor=" + bad, ALICE);
      assertProblem(reply, 400, "invalid-input");
      assertThat(reply.violationFields()).containsExactly("cursor");
    }
    for (String listing : List.of("/threads", "/bans", "/mutes")) {
      RestClient.Reply reply = client.get(r + listing + "?cursor=" + encoded(pinsCursor), ALICE);
      assertProblem(reply, 400, "invalid-input");
      assertThat(reply.violationFields()).containsExactly("cursor");
    }
    RestClient.Reply foreign = client.get(other + "/pins?cursor=" + encoded(pinsCursor), ALICE);
    assertProblem(foreign, 400, "invalid-input");
  }
}
