package dev.parley.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.protocol.ProtocolTestComponent;
import dev.parley.protocol.rest.Route;
import dev.parley.testkit.adapter.ControllableClockAdapter;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {

  @Test
  void noVariableMeansNoCrossOriginCaller() {
    CorsPolicy policy = CorsPolicy.fromEnvironment(Map.of());

    assertThat(policy.enabled()).isFalse();
    assertThat(policy.allows("https://app.example.com")).isFalse();
    assertThat(CorsPolicy.fromEnvironment(Map.of(CorsPolicy.ENV_ALLOWED_ORIGINS, "  ")))
        .isEqualTo(CorsPolicy.SAME_ORIGIN_ONLY);
  }

  @Test
  void listedOriginsAreAllowedWithCredentialsAndOthersAreNot() {
    CorsPolicy policy =
        CorsPolicy.fromEnvironment(
            Map.of(
                CorsPolicy.ENV_ALLOWED_ORIGINS,
                " https://app.example.com, http://localhost:5173 ,"));

    assertThat(policy.allowedOrigins())
        .containsExactly("https://app.example.com", "http://localhost:5173");
    assertThat(policy.allows("https://app.example.com")).isTrue();
    assertThat(policy.allows("http://localhost:5173")).isTrue();
    assertThat(policy.allows("https://evil.example.com")).isFalse();
    assertThat(policy.allows("https://app.example.com.evil.example")).isFalse();
    assertThat(policy.allows(null)).isFalse();
    assertThat(policy.allowCredentials()).isTrue();
  }

  @Test
  void aStarAllowsEveryOriginButNeverWithCredentials() {
    CorsPolicy policy = CorsPolicy.allowing("*");

    assertThat(policy.anyOrigin()).isTrue();
    assertThat(policy.allows("https://anyone.example")).isTrue();
    assertThat(policy.allowCredentials()).isFalse();
  }

  @Test
  void somethingThatIsNotAnOriginIsRefusedNamingTheVariable() {
    for (String bad :
        new String[] {
          "https://app.example.com/",
          "https://app.example.com/path",
          "app.example.com",
          "ftp://app.example.com",
          "https://App.example.com",
          "https://user@app.example.com",
          "https://app.example.com?x=1",
          "*, https://app.example.com"
        }) {
      assertThatThrownBy(
              () -> CorsPolicy.fromEnvironment(Map.of(CorsPolicy.ENV_ALLOWED_ORIGINS, bad)), bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(CorsPolicy.ENV_ALLOWED_ORIGINS + ": ");
    }
  }

  @Test
  void theAllowedMethodsAreExactlyThoseOfTheRouteTable() {
    TreeSet<String> methods = new TreeSet<>();
    for (Route route :
        ProtocolTestComponent.create(new ControllableClockAdapter()).restApi().routes()) {
      methods.add(route.method());
    }

    assertThat(new TreeSet<>(CorsPolicy.ALLOWED_METHODS)).isEqualTo(methods);
  }

  @Test
  void everyHeaderTheApiAnswersWithIsExposed() {
    assertThat(CorsPolicy.EXPOSED_HEADERS)
        .contains(
            "Retry-After",
            "X-Request-Id",
            RateLimitHeaders.LIMIT,
            RateLimitHeaders.REMAINING,
            RateLimitHeaders.RESET);
  }
}
