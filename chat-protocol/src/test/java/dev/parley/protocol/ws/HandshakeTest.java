package dev.parley.protocol.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.user.UserId;
import dev.parley.protocol.Tokens;
import dev.parley.protocol.auth.Authentication;
import dev.parley.protocol.auth.Authenticator;
import dev.parley.protocol.auth.DevTokens;
import dev.parley.protocol.auth.IdentityResolver;
import dev.parley.protocol.http.ProblemType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandshakeTest {
  private final Handshake handshake = new Handshake(new Authenticator(Tokens.resolver()));

  private static Handshake.Request request(
      String authorization, List<String> subprotocols, Map<String, String> query) {
    return new Handshake.Request(authorization, subprotocols, query, null, "r-1");
  }

  private static Handshake.Accepted accepted(Handshake.Outcome outcome) {
    assertThat(outcome).isInstanceOf(Handshake.Accepted.class);
    return (Handshake.Accepted) outcome;
  }

  private static Handshake.Refused refused(Handshake.Outcome outcome) {
    assertThat(outcome).isInstanceOf(Handshake.Refused.class);
    return (Handshake.Refused) outcome;
  }

  @Test
  void aBearerHeaderIsAcceptedAndTheOfferedSubprotocolEchoed() {
    Handshake.Accepted ok =
        accepted(
            handshake.accept(request("Bearer " + Tokens.of("alice"), List.of("parley.v1"), null)));

    assertThat(ok.user()).isEqualTo(UserId.of("alice"));
    assertThat(ok.subprotocol()).isEqualTo("parley.v1");
  }

  @Test
  void aHeaderWithoutOfferedSubprotocolsEchoesNone() {
    Handshake.Accepted ok =
        accepted(handshake.accept(request("Bearer " + Tokens.of("alice"), null, null)));

    assertThat(ok.subprotocol()).isNull();
  }

  @Test
  void theQueryTokenIsAccepted() {
    Handshake.Accepted ok =
        accepted(handshake.accept(request(null, null, Map.of("token", Tokens.of("erin")))));

    assertThat(ok.user()).isEqualTo(UserId.of("erin"));
  }

  @Test
  void theSubprotocolTokenIsAcceptedAndTheOtherSubprotocolEchoed() {
    Handshake.Accepted ok =
        accepted(
            handshake.accept(
                request(null, List.of("parley.v1, parley.token." + Tokens.of("bob")), null)));

    assertThat(ok.user()).isEqualTo(UserId.of("bob"));
    assertThat(ok.subprotocol()).isEqualTo("parley.v1");
  }

  @Test
  void aLoneTokenSubprotocolIsEchoedItself() {
    String alone = "parley.token." + Tokens.of("bob");

    Handshake.Accepted ok = accepted(handshake.accept(request(null, List.of(alone), null)));

    assertThat(ok.subprotocol()).isEqualTo(alone);
    assertThat(ok.toString()).doesNotContain(Tokens.of("bob").substring(0, 20));
  }

  @Test
  void theHeaderWinsOverTheQuery() {
    Handshake.Accepted ok =
        accepted(
            handshake.accept(
                request("Bearer " + Tokens.of("alice"), null, Map.of("token", Tokens.of("erin")))));

    assertThat(ok.user()).isEqualTo(UserId.of("alice"));
  }

  @Test
  void aMissingTokenIsRefusedWith401SayingWhereToPutIt() {
    Handshake.Refused no = refused(handshake.accept(request(null, List.of("parley.v1"), null)));

    assertThat(no.problem().type()).isEqualTo(ProblemType.UNAUTHENTICATED);
    assertThat(no.problem().type().status()).isEqualTo(401);
    assertThat(no.problem().detail()).contains("Authorization", "Sec-WebSocket-Protocol", "token");
    assertThat(no.problem().headers()).containsKey("WWW-Authenticate");
    assertThat(no.fault()).isNull();
  }

  @Test
  void aTokenSignedWithAnotherSecretIsRefusedWith401() {
    Handshake.Refused no =
        refused(
            handshake.accept(
                request("Bearer " + Tokens.signedWithAnotherSecret("alice"), null, null)));

    assertThat(no.problem().type()).isEqualTo(ProblemType.UNAUTHENTICATED);
    assertThat(no.problem().detail()).isEqualTo("token signature invalid");
  }

  @Test
  void anExpiredTokenIsRefusedWith401() {
    Handshake.Refused no =
        refused(handshake.accept(request(null, null, Map.of("token", Tokens.expired("alice")))));

    assertThat(no.problem().type()).isEqualTo(ProblemType.UNAUTHENTICATED);
    assertThat(no.problem().detail()).isEqualTo("token expired");
  }

  @Test
  void unreachableSigningKeysAre503WithRetryAfter() {
    Handshake unavailable =
        new Handshake(new Authenticator(token -> new Authentication.Unavailable("keys down")));

    Handshake.Refused no =
        refused(unavailable.accept(request("Bearer " + Tokens.of("alice"), null, null)));

    assertThat(no.problem().type()).isEqualTo(ProblemType.AUTHENTICATION_UNAVAILABLE);
    assertThat(no.problem().headers()).containsKey("Retry-After");
  }

  @Test
  void aFaultOfTheResolverIsAnInternalRefusalCarryingTheFault() {
    IllegalStateException bug = new IllegalStateException("bug");
    IdentityResolver broken =
        token -> {
          throw bug;
        };

    Handshake.Refused no =
        refused(
            new Handshake(new Authenticator(broken))
                .accept(request("Bearer " + Tokens.of("alice"), null, null)));

    assertThat(no.problem().type()).isEqualTo(ProblemType.INTERNAL);
    assertThat(no.problem().detail()).contains("r-1").doesNotContain("bug");
    assertThat(no.fault()).isSameAs(bug);
  }

  @Test
  void aUserAnAuthorizerVouchedForNeedsNoToken() {
    Handshake.Accepted ok =
        accepted(
            handshake.accept(
                new Handshake.Request(null, List.of("parley.v1"), null, UserId.of("dave"), "r-2")));

    assertThat(ok.user()).isEqualTo(UserId.of("dave"));
    assertThat(ok.subprotocol()).isEqualTo("parley.v1");
    assertThat(ok.expiresAt()).isNull();
  }

  @Test
  void anAcceptedTokenCarriesItsExpirySoTheRuntimeCanCloseTheConnectionThen() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String token =
        DevTokens.issue(
            Tokens.SECRET,
            UserId.of("alice"),
            Duration.ofMinutes(5),
            Tokens.ISSUER,
            Tokens.AUDIENCE);

    Handshake.Accepted ok = accepted(handshake.accept(request("Bearer " + token, null, null)));

    assertThat(ok.expiresAt())
        .isBetween(before.plus(Duration.ofMinutes(5)), Instant.now().plus(Duration.ofMinutes(5)));
  }
}
