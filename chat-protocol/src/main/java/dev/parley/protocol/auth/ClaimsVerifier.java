package dev.parley.protocol.auth;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.time.Clock;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;

/**
 * The claim checks: nimbus's {@link DefaultJWTClaimsVerifier} decides (exp and sub required, iss
 * and aud when configured, exp/nbf within the clock skew); this class only names the check that
 * failed, because nimbus reports it in free text that is not part of its API.
 *
 * <p>Runs inside the JWT processor, after the signature has been verified, so the claims it reads
 * to name the failure are authentic.
 */
final class ClaimsVerifier implements JWTClaimsSetVerifier<SecurityContext> {
  private final DefaultJWTClaimsVerifier<SecurityContext> rules;
  private final String issuer;
  private final String audience;

  ClaimsVerifier(JwtSettings settings, Clock clock) {
    this.issuer = settings.issuer();
    this.audience = settings.audience();
    Set<String> required =
        new HashSet<>(Set.of(JWTClaimNames.EXPIRATION_TIME, JWTClaimNames.SUBJECT));
    JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
    if (issuer != null) {
      required.add(JWTClaimNames.ISSUER);
      exact.issuer(issuer);
    }
    Set<String> audiences = audience == null ? null : Set.of(audience);
    this.rules =
        new DefaultJWTClaimsVerifier<>(audiences, exact.build(), required, null) {
          // The documented hook for another time source; lets tests pin exp/nbf to the second.
          @Override
          protected Date currentTime() {
            return Date.from(clock.instant());
          }
        };
    rules.setMaxClockSkew(Math.toIntExact(settings.clockSkew().toSeconds()));
  }

  @Override
  public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
    try {
      rules.verify(claims, context);
    } catch (ExpiredJWTException e) {
      throw new Rejection(Reasons.EXPIRED, e);
    } catch (BadJWTException e) {
      throw new Rejection(failedCheck(claims), e);
    }
  }

  /** Names what nimbus refused, testing in nimbus's own order so the same check is named. */
  private String failedCheck(JWTClaimsSet claims) {
    if (audience != null && !claims.getAudience().contains(audience)) {
      return Reasons.WRONG_AUDIENCE;
    }
    if (claims.getExpirationTime() == null) {
      return Reasons.NO_EXPIRY;
    }
    if (claims.getSubject() == null) {
      return Reasons.NO_SUBJECT;
    }
    if (issuer != null && !issuer.equals(claims.getIssuer())) {
      return Reasons.WRONG_ISSUER;
    }
    if (claims.getNotBeforeTime() != null) {
      return Reasons.NOT_YET_VALID;
    }
    return Reasons.CLAIMS_INVALID;
  }

  /** A claim check failed; carries the reason for {@link Authentication.Rejected}. */
  static final class Rejection extends BadJWTException {
    private final String reason;

    Rejection(String reason, Throwable cause) {
      super(reason, cause);
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }
}
