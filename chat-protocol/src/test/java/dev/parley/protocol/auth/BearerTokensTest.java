package dev.parley.protocol.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokensTest {
  private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bearer " + JWT,
        "bearer " + JWT,
        "BEARER " + JWT,
        "Bearer   " + JWT,
        "  Bearer " + JWT + "\t",
      })
  void theAuthorizationHeaderCarriesOneBearerToken(String header) {
    assertThat(BearerTokens.fromAuthorizationHeader(header)).contains(JWT);
  }

  @Test
  void exactlyTheRfc6750CharactersMakeAToken() {
    String allowed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      assertThat(BearerTokens.isB64Token("a" + c))
          .as("U+%04X", (int) c)
          .isEqualTo(allowed.indexOf(c) >= 0 || c == '=');
    }
  }

  @Test
  void b64TokenCharactersAndPaddingAreAccepted() {
    assertThat(BearerTokens.fromAuthorizationHeader("Bearer abc+/~-._XYZ=="))
        .contains("abc+/~-._XYZ==");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "Bearer",
        "Bearer ",
        "Bearer" + JWT,
        "Bearer\t" + JWT,
        "Basic YWxpY2U6c2VjcmV0",
        "Token " + JWT,
        "Bearer " + JWT + " " + JWT,
        "Bearer " + JWT + ",other",
        "Bearer =abc",
        "Bearer abc=def",
        "Bearer abc==x",
        "Bearers " + JWT,
        "Bearer " + JWT + "é",
        "Bearer " + JWT + "\n",
        JWT,
      })
  void anythingElseInTheAuthorizationHeaderIsNoToken(String header) {
    assertThat(BearerTokens.fromAuthorizationHeader(header)).isEmpty();
  }

  @Test
  void theTokenSubprotocolIsFoundAndTheOtherOneIsEchoed() {
    Optional<WebSocketCredentials> credentials =
        BearerTokens.fromSecWebSocketProtocol("parley.v1, parley.token." + JWT);

    assertThat(credentials).contains(new WebSocketCredentials(JWT, "parley.v1"));
  }

  @Test
  void theOrderOfTheOfferedSubprotocolsDoesNotMatter() {
    assertThat(BearerTokens.fromSecWebSocketProtocol("parley.token." + JWT + ",parley.v1"))
        .contains(new WebSocketCredentials(JWT, "parley.v1"));
  }

  @Test
  void theFirstOtherSubprotocolIsTheOneEchoed() {
    assertThat(
            BearerTokens.fromSecWebSocketProtocol("parley.v2, parley.token." + JWT + ", parley.v1"))
        .contains(new WebSocketCredentials(JWT, "parley.v2"));
  }

  @Test
  void aLoneTokenSubprotocolIsEchoedItself() {
    assertThat(BearerTokens.fromSecWebSocketProtocol("parley.token." + JWT))
        .contains(new WebSocketCredentials(JWT, "parley.token." + JWT));
  }

  @Test
  void subprotocolsMayArriveAsAListOfHeaderLines() {
    assertThat(
            BearerTokens.fromOfferedSubprotocols(
                Arrays.asList("parley.v1", null, " parley.token." + JWT + " ")))
        .contains(new WebSocketCredentials(JWT, "parley.v1"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "parley.v1",
        "parley.token.",
        "parley.v1, parley.token.",
        "parley.token.a.b.c, parley.token.d.e.f",
        "Parley.Token." + JWT,
        "parley.v1, parley.token.abc==",
      })
  void noSingleWellFormedTokenSubprotocolIsNoCredentials(String header) {
    assertThat(BearerTokens.fromSecWebSocketProtocol(header)).isEmpty();
  }

  @Test
  void aNullListOfSubprotocolsIsNoCredentials() {
    assertThat(BearerTokens.fromOfferedSubprotocols(null)).isEmpty();
    assertThat(BearerTokens.fromOfferedSubprotocols(List.of())).isEmpty();
  }

  @Test
  void credentialsNeverPrintTheirToken() {
    WebSocketCredentials echoingOther = new WebSocketCredentials(JWT, "parley.v1");
    WebSocketCredentials echoingToken = new WebSocketCredentials(JWT, "parley.token." + JWT);

    assertThat(echoingOther.toString()).doesNotContain(JWT).contains("parley.v1");
    assertThat(echoingToken.toString()).doesNotContain(JWT);
  }

  @Test
  void theQueryParameterTokenCarriesTheToken() {
    assertThat(BearerTokens.fromQueryParameters(Map.of("token", JWT, "room", "r1"))).contains(JWT);
  }

  @Test
  void aMissingOrMalformedQueryTokenIsNoToken() {
    Map<String, String> withNull = new HashMap<>();
    withNull.put("token", null);

    assertThat(BearerTokens.fromQueryParameters(null)).isEmpty();
    assertThat(BearerTokens.fromQueryParameters(Map.of())).isEmpty();
    assertThat(BearerTokens.fromQueryParameters(withNull)).isEmpty();
    assertThat(BearerTokens.fromQueryParameters(Map.of("token", ""))).isEmpty();
    assertThat(BearerTokens.fromQueryParameters(Map.of("token", JWT + " " + JWT))).isEmpty();
    assertThat(BearerTokens.fromQueryParameters(Map.of("access_token", JWT))).isEmpty();
  }
}
