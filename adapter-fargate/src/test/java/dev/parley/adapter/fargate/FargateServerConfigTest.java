package dev.parley.adapter.fargate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.protocol.http.CorsPolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FargateServerConfigTest {

  @Test
  void defaultsSuitAContainerOnEcs() {
    assertThat(FargateServerConfig.defaults())
        .isEqualTo(new FargateServerConfig("0.0.0.0", 8080, Duration.ofSeconds(25)));
    assertThat(FargateServerConfig.DEFAULT_DRAIN).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void readsTheEnvironmentAndDefaultsWhatIsUnsetOrBlank() {
    assertThat(
            FargateServerConfig.fromEnvironment(
                Map.of("CHAT_HOST", "127.0.0.1", "CHAT_PORT", " 9090 ", "CHAT_DRAIN_SECONDS", "7")))
        .isEqualTo(new FargateServerConfig("127.0.0.1", 9090, Duration.ofSeconds(7)));
    assertThat(FargateServerConfig.fromEnvironment(Map.of("CHAT_HOST", " ", "CHAT_PORT", "")))
        .isEqualTo(FargateServerConfig.defaults());
    assertThat(FargateServerConfig.fromEnvironment(Map.of("CHAT_PORT", "0")).port()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "-1", "65536", "80.5"})
  void aBadPortNamesTheVariableAndTheValue(String port) {
    assertThatThrownBy(() -> FargateServerConfig.fromEnvironment(Map.of("CHAT_PORT", port)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CHAT_PORT")
        .hasMessageContaining("'" + port + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "116", "soon"})
  void aBadDrainNamesTheVariableAndTheValue(String seconds) {
    assertThatThrownBy(
            () -> FargateServerConfig.fromEnvironment(Map.of("CHAT_DRAIN_SECONDS", seconds)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CHAT_DRAIN_SECONDS")
        .hasMessageContaining("'" + seconds + "'");
  }

  @Test
  void readsTheAllowedOriginsAndKeepsThemOnAnotherPort() {
    FargateServerConfig config =
        FargateServerConfig.fromEnvironment(
            Map.of("CHAT_CORS_ALLOWED_ORIGINS", "https://app.example.com"));

    assertThat(config.cors()).isEqualTo(CorsPolicy.allowing("https://app.example.com"));
    assertThat(config.withPort(0).cors()).isEqualTo(config.cors());
    assertThat(FargateServerConfig.defaults().cors()).isEqualTo(CorsPolicy.SAME_ORIGIN_ONLY);
    assertThatThrownBy(
            () ->
                FargateServerConfig.fromEnvironment(
                    Map.of("CHAT_CORS_ALLOWED_ORIGINS", "https://app.example.com/")))
        .hasMessageStartingWith("CHAT_CORS_ALLOWED_ORIGINS: ");
  }

  @Test
  void withPortKeepsTheRestAndTheConstructorChecksItsValues() {
    assertThat(FargateServerConfig.defaults().withPort(0))
        .isEqualTo(new FargateServerConfig("0.0.0.0", 0, Duration.ofSeconds(25)));
    assertThatThrownBy(() -> FargateServerConfig.defaults().withPort(70_000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FargateServerConfig("0.0.0.0", 80, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FargateServerConfig(" ", 80, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
