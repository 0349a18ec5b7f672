package dev.parley.protocol.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.out.ClockPort;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.ProtocolTestComponent;
import dev.parley.protocol.Tokens;
import dev.parley.protocol.auth.IdentityResolver;
import dev.parley.protocol.http.ApiRequest;
import dev.parley.testkit.adapter.ControllableClockAdapter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link RestApi#handle} tells a runtime for its logs, and that it never throws. */
class RestOutcomeTest {
  private final RestApi api =
      ProtocolTestComponent.create(new ControllableClockAdapter()).restApi();

  private static ApiRequest request(String method, String path, String user) {
    return request(method, path, user, null);
  }

  private static ApiRequest request(String method, String path, String user, String body) {
    Map<String, String> headers = new HashMap<>();
    if (user != null) {
      headers.put("authorization", "Bearer " + Tokens.of(user));
    }
    if (body != null) {
      headers.put("content-type", "application/json");
    }
    return new ApiRequest(
        method,
        path,
        Map.of(),
        headers,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        null,
        "r-1");
  }

  @Test
  void theMatchedRouteTemplateAndTheUserAreReported() {
    RestOutcome outcome = api.handle(request("GET", "/rooms/r-1/messages", "alice"));

    assertThat(outcome.route()).isEqualTo("/rooms/{roomId}/messages");
    assertThat(outcome.roomId()).isEqualTo("r-1");
    assertThat(outcome.user()).isEqualTo(UserId.of("alice"));
    assertThat(outcome.fault()).isNull();
    assertThat(outcome.describe("/rooms/r-1/messages")).isEqualTo("/rooms/{roomId}/messages");
  }

  @Test
  void aTrailingSlashStillNamesTheTemplate() {
    RestOutcome outcome = api.handle(request("GET", "/rooms/r-1/", "alice"));

    assertThat(outcome.route()).isEqualTo("/rooms/{roomId}");
  }

  @Test
  void theTemplateIsReportedWhateverTheMethodAndForRefusals() {
    RestOutcome wrongMethod = api.handle(request("PATCH", "/rooms", "alice"));
    RestOutcome anonymous = api.handle(request("GET", "/rooms/r-1/messages", null));

    assertThat(wrongMethod.response().status()).isEqualTo(405);
    assertThat(wrongMethod.route()).isEqualTo("/rooms");
    assertThat(anonymous.response().status()).isEqualTo(401);
    assertThat(anonymous.route()).isEqualTo("/rooms/{roomId}/messages");
    assertThat(anonymous.user()).isNull();
  }

  @Test
  void theRoomIdIsDecoded() {
    RestOutcome outcome = api.handle(request("GET", "/rooms/a%20b+c", "alice"));

    assertThat(outcome.roomId()).isEqualTo("a b+c");
  }

  @Test
  void anUnmatchedPathHasNoRouteAndIsLoggedAsIsOrCut() {
    RestOutcome empty = api.handle(request("GET", "/rooms//messages", "alice"));
    String longPath = "/x/" + "a".repeat(300);
    RestOutcome tooLong = api.handle(request("GET", longPath, "alice"));

    assertThat(empty.response().status()).isEqualTo(404);
    assertThat(empty.route()).isNull();
    assertThat(empty.roomId()).isNull();
    assertThat(empty.describe("/rooms//messages")).isEqualTo("/rooms//messages");
    assertThat(tooLong.describe(longPath)).isEqualTo(longPath.substring(0, 200) + "...");
  }

  @Test
  void anOversizedBodyIs413WithTheRouteStillNamed() {
    RestOutcome outcome =
        api.handle(request("POST", "/rooms", "alice", "a".repeat(RestApi.MAX_BODY_BYTES + 1)));

    assertThat(outcome.response().status()).isEqualTo(413);
    assertThat(outcome.route()).isEqualTo("/rooms");
    assertThat(RestApi.oversized(RestApi.MAX_BODY_BYTES)).isEmpty();
    assertThat(RestApi.oversized(RestApi.MAX_BODY_BYTES + 1L)).isPresent();
  }

  @Test
  void anUnexpectedFaultIsA500ProblemWithTheFaultReportedAndNothingThrown() {
    IllegalStateException bug = new IllegalStateException("clock broke");
    ClockPort broken =
        new ClockPort() {
          @Override
          public Instant now() {
            throw bug;
          }
        };
    RestApi failing = ProtocolTestComponent.create(ChatSettings.DEFAULTS, broken).restApi();

    RestOutcome outcome =
        failing.handle(request("POST", "/rooms", "alice", "{\"name\":\"x\",\"type\":\"public\"}"));

    assertThat(outcome.response().status()).isEqualTo(500);
    assertThat(outcome.response().headers().get("Content-Type")).startsWith("application/problem");
    assertThat(outcome.response().bodyAsString()).contains("r-1").doesNotContain("clock broke");
    assertThat(outcome.fault()).isSameAs(bug);
    assertThat(outcome.route()).isEqualTo("/rooms");
    assertThat(outcome.user()).isEqualTo(UserId.of("alice"));
  }

  @Test
  void aFaultOfTheIdentityResolverEscapesNeither() {
    IdentityResolver broken =
        token -> {
          throw new IllegalStateException("resolver bug");
        };
    RestApi failing =
        ProtocolTestComponent.create(ChatSettings.DEFAULTS, new ControllableClockAdapter(), broken)
            .restApi();

    assertThatCode(() -> failing.handle(request("GET", "/rooms", "alice")))
        .doesNotThrowAnyException();
    RestOutcome outcome = failing.handle(request("GET", "/rooms", "alice"));
    assertThat(outcome.response().status()).isEqualTo(500);
    assertThat(outcome.fault()).hasMessage("resolver bug");
    assertThat(outcome.user()).isNull();
  }

  // The log names of the Fargate runtime, once matched there and now reported by the protocol.

  private String routeOf(String path) {
    return api.handle(request("GET", path, "alice")).describe(path);
  }

  private String roomIdOf(String path) {
    return api.handle(request("GET", path, "alice")).roomId();
  }

  @Test
  void aPathIsLoggedAsTheTemplateItMatches() {
    assertThat(routeOf("/rooms/r-1/messages")).isEqualTo("/rooms/{roomId}/messages");
    assertThat(routeOf("/rooms/r-1/messages/m-1/"))
        .isEqualTo("/rooms/{roomId}/messages/{messageId}");
    assertThat(routeOf("/rooms")).isEqualTo("/rooms");
    assertThat(routeOf("/me/unread")).isEqualTo("/me/unread");
  }

  @Test
  void anEmptySegmentOrAnExtraOneMatchesNoTemplate() {
    assertThat(routeOf("/rooms//messages")).isEqualTo("/rooms//messages");
    assertThat(routeOf("/rooms/r-1/messages/m-1/x")).isEqualTo("/rooms/r-1/messages/m-1/x");
    assertThat(routeOf("/roomsx")).isEqualTo("/roomsx");
    assertThat(routeOf("/")).isEqualTo("/");
  }

  @Test
  void theRoomIdIsTheDecodedVariableOfARoomRoute() {
    assertThat(roomIdOf("/rooms/r-1/messages")).isEqualTo("r-1");
    assertThat(roomIdOf("/rooms/r-1/")).isEqualTo("r-1");
    assertThat(roomIdOf("/rooms/a+b")).isEqualTo("a+b");
    // Not validly encoded: the request is a 400, and the raw text is not worth a log field.
    assertThat(roomIdOf("/rooms/%zz")).isNull();
  }

  @Test
  void otherPathsHaveNoRoomId() {
    assertThat(roomIdOf("/rooms")).isNull();
    assertThat(roomIdOf("/rooms/")).isNull();
    assertThat(roomIdOf("/rooms//messages")).isNull();
    assertThat(roomIdOf("/me/unread")).isNull();
    assertThat(roomIdOf("/rooms/" + "a".repeat(129))).isNull();
  }
}
