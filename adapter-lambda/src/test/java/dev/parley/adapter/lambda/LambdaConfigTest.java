package dev.parley.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaConfigTest {

  @Test
  void readsTheFanOutFromTheEnvironment() {
    LambdaConfig config =
        LambdaConfig.fromEnvironment(
            Map.of(
                "CHAT_FANOUT_FUNCTION", "arn:aws:lambda:eu-west-1:123456789012:function:fan:live",
                "CHAT_FANOUT_THRESHOLD", " 250 ",
                "CHAT_LAMBDA_ENDPOINT", "http://127.0.0.1:3000"));

    assertThat(config.fanOut().function())
        .isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:fan:live");
    assertThat(config.fanOut().threshold()).isEqualTo(250);
    assertThat(config.fanOut().lambdaEndpoint()).isEqualTo(URI.create("http://127.0.0.1:3000"));
  }

  @Test
  void withoutAFanOutFunctionEveryEventStaysInTheRequest() {
    LambdaConfig.FanOut fanOut = LambdaConfig.fromEnvironment(Map.of()).fanOut();

    assertThat(fanOut.function()).isNull();
    assertThat(fanOut.threshold()).isEqualTo(LambdaConfig.FanOut.DEFAULT_THRESHOLD);
    assertThat(fanOut.lambdaEndpoint()).isNull();
    assertThat(fanOut.offPath(1_000_000)).isFalse();
  }

  @Test
  void onlyMoreRecipientsThanTheThresholdGoOffThePath() {
    LambdaConfig.FanOut fanOut = new LambdaConfig.FanOut("parley-fanout", 100, null);

    assertThat(fanOut.offPath(100)).isFalse();
    assertThat(fanOut.offPath(101)).isTrue();
  }

  @Test
  void aThresholdThatIsNoWholeNumberIsRefusedNamingTheVariable() {
    for (String bad : new String[] {"many", "-1", "1.5"}) {
      assertThatThrownBy(() -> LambdaConfig.FanOut.threshold(Map.of("CHAT_FANOUT_THRESHOLD", bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("CHAT_FANOUT_THRESHOLD")
          .hasMessageContaining(bad);
    }
  }
}
