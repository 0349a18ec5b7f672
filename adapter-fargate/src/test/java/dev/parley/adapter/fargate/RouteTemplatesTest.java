package dev.parley.adapter.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.rest.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTemplatesTest {
  private final RouteTemplates templates =
      new RouteTemplates(
          List.of(
              Route.of("GET", "/rooms", call -> null),
              Route.of("GET", "/rooms/{roomId}", call -> null),
              Route.of("POST", "/rooms/{roomId}/messages", call -> null),
              Route.of("GET", "/rooms/{roomId}/messages", call -> null),
              Route.of("GET", "/rooms/{roomId}/messages/{messageId}", call -> null),
              Route.of("GET", "/me/unread", call -> null)));

  @Test
  void aPathIsLoggedAsTheTemplateItMatches() {
    assertThat(templates.describe("/rooms/r-1/messages")).isEqualTo("/rooms/{roomId}/messages");
    assertThat(templates.describe("/rooms/r-1/messages/m-1/"))
        .isEqualTo("/rooms/{roomId}/messages/{messageId}");
    assertThat(templates.describe("/rooms")).isEqualTo("/rooms");
    assertThat(templates.describe("/me/unread")).isEqualTo("/me/unread");
  }

  @Test
  void anEmptySegmentOrAnExtraOneMatchesNoTemplate() {
    assertThat(templates.describe("/rooms//messages")).isEqualTo("/rooms//messages");
    assertThat(templates.describe("/rooms/r-1/messages/m-1/x"))
        .isEqualTo("/rooms/r-1/messages/m-1/x");
    assertThat(templates.describe("/roomsx")).isEqualTo("/roomsx");
    assertThat(templates.describe("/")).isEqualTo("/");
  }

  @Test
  void anUnmatchedLongPathIsCut() {
    String path = "/x/" + "a".repeat(300);

    assertThat(templates.describe(path)).isEqualTo(path.substring(0, 200) + "...");
  }

  @Test
  void theRoomIdIsTheDecodedSecondSegmentOfARoomPath() {
    assertThat(RouteTemplates.roomId("/rooms/r-1/messages")).isEqualTo("r-1");
    assertThat(RouteTemplates.roomId("/rooms/r-1/")).isEqualTo("r-1");
    assertThat(RouteTemplates.roomId("/rooms/a%20b+c")).isEqualTo("a b+c");
    assertThat(RouteTemplates.roomId("/rooms/a+b")).isEqualTo("a+b");
    assertThat(RouteTemplates.roomId("/rooms/%zz")).isEqualTo("%zz");
  }

  @Test
  void otherPathsHaveNoRoomId() {
    assertThat(RouteTemplates.roomId("/rooms")).isNull();
    assertThat(RouteTemplates.roomId("/rooms/")).isNull();
    assertThat(RouteTemplates.roomId("/rooms//messages")).isNull();
    assertThat(RouteTemplates.roomId("/me/unread")).isNull();
    assertThat(RouteTemplates.roomId("/rooms/" + "a".repeat(129))).isNull();
  }
}
