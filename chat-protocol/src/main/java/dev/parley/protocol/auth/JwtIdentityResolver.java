package dev.parley.protocol.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.parley.domain.shared.Identifiers;
import dev.parley.domain.user.UserId;
import java.text.ParseException;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Verifies JWTs with nimbus-jose-jwt: HS256 against a shared secret, or RS256/ES256 against the
 * keys of a JWKS URL (fetched on first use, cached for five minutes, refetched when a token names
 * an unknown key, at most twice per 30 seconds). Checks {@code exp} and {@code nbf} within the
 * clock skew, {@code iss} and {@code aud} when configured, and requires {@code exp} and a {@code
 * sub} that is a valid {@link UserId}. Refuses unsigned ({@code alg: none}) and encrypted tokens,
 * and any algorithm outside the mode's set, whatever the token's header says.
 *
 * <p>A token that verified is remembered (by its hash) until its {@code exp}, five minutes at most,
 * or until the JWKS keys are fetched again, so clients that send the same token on every request
 * are verified once: see {@link VerifiedTokens}.
 *
 * <p>Thread-safe: build one per process and share it. Logs nothing; never throws for a bad token.
 */
public final class JwtIdentityResolver implements IdentityResolver {

  /** Longer tokens are refused unparsed; real ones (Cognito ID tokens) are a few kilobytes. */
  static final int MAX_TOKEN_LENGTH = 16 * 1024;

  private static final Set<JWSAlgorithm> SECRET_ALGORITHMS = Set.of(JWSAlgorithm.HS256);
  private static final Set<JWSAlgorithm> JWKS_ALGORITHMS =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

  /** No {@code typ}, "JWT", or "at+jwt" (RFC 9068 access tokens, sent by some OIDC issuers). */
  private static final JOSEObjectTypeVerifier<SecurityContext> TYPES =
      new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null);

  private final Set<JWSAlgorithm> algorithms;
  private final BooleanSupplier keysLoaded;
  private final LongSupplier keyGeneration;
  private final DefaultJWTProcessor<SecurityContext> processor;
  private final VerifiedTokens verified;

  /** A resolver for {@code settings}, checking times against the system clock. */
  public JwtIdentityResolver(JwtSettings settings) {
    this(settings, Clock.systemUTC());
  }

  /**
   * A resolver for {@code settings}, checking {@code exp} and {@code nbf} against {@code clock}.
   * Builds no connection: JWKS keys are fetched on first use.
   */
  public JwtIdentityResolver(JwtSettings settings, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    JWKSource<SecurityContext> keys;
    switch (settings.keys()) {
      case JwtSettings.SharedSecret secret -> {
        this.algorithms = SECRET_ALGORITHMS;
        this.keysLoaded = () -> true;
        this.keyGeneration = () -> 0;
        keys = new ImmutableSecret<>(secret.bytes());
      }
      case JwtSettings.JwkSetUrl url -> {
        RemoteKeys remote = RemoteKeys.of(url);
        this.algorithms = JWKS_ALGORITHMS;
        this.keysLoaded = remote::everLoaded;
        this.keyGeneration = remote::generation;
        keys = remote.source();
      }
    }
    DefaultJWTProcessor<SecurityContext> jwtProcessor = new DefaultJWTProcessor<>();
    jwtProcessor.setJWSTypeVerifier(TYPES);
    // Restricting the selector to the mode's algorithms is what defeats algorithm confusion
    // (an HS256 token "signed" with an RSA public key); authenticate() checks it first only to
    // name the refusal.
    jwtProcessor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
    jwtProcessor.setJWTClaimsSetVerifier(new ClaimsVerifier(settings, clock));
    this.processor = jwtProcessor;
    this.verified = new VerifiedTokens(clock);
  }

  @Override
  public Authentication authenticate(String token) {
    if (token == null || token.isBlank()) {
      return new Authentication.Rejected(Reasons.MISSING);
    }
    if (token.length() > MAX_TOKEN_LENGTH) {
      return new Authentication.Rejected(Reasons.MALFORMED);
    }
    long keys = keyGeneration.getAsLong();
    Authentication.Authenticated known = verified.find(token, keys);
    if (known != null) {
      return known;
    }
    Authentication result = verify(token);
    if (result instanceof Authentication.Authenticated ok) {
      // Tagged with the key set read before verifying: if a fetch raced in, the entry is stale
      // at once rather than trusted under keys it was not checked against.
      verified.remember(token, ok, keys);
    }
    return result;
  }

  private Authentication verify(String token) {
    SignedJWT jwt;
    try {
      JWT parsed = JWTParser.parse(token);
      if (!(parsed instanceof SignedJWT signed)) {
        // PlainJWT is alg "none"; EncryptedJWT is not something this server can read.
        return new Authentication.Rejected(Reasons.UNSUPPORTED_ALGORITHM);
      }
      jwt = signed;
      String refusal = headerRefusal(jwt.getHeader());
      if (refusal != null) {
        return new Authentication.Rejected(refusal);
      }
      jwt.getJWTClaimsSet(); // parses the payload, so that a bad one is "malformed"
      if (!subjectIsAStringOrAbsent(jwt)) {
        return new Authentication.Rejected(Reasons.MALFORMED);
      }
    } catch (ParseException e) {
      return new Authentication.Rejected(Reasons.MALFORMED);
    }
    try {
      return authenticated(processor.process(jwt, null));
    } catch (ClaimsVerifier.Rejection e) {
      return new Authentication.Rejected(e.reason());
    } catch (BadJWTException e) {
      return new Authentication.Rejected(Reasons.CLAIMS_INVALID);
    } catch (BadJWSException e) {
      return new Authentication.Rejected(Reasons.SIGNATURE_INVALID);
    } catch (BadJOSEException e) {
      // What is left once the header was checked: no key with the token's kid and algorithm.
      return new Authentication.Rejected(Reasons.UNKNOWN_KEY);
    } catch (RateLimitReachedException e) {
      // A refetch was refused: for an unknown kid if keys were fetched before, else the issuer
      // has not answered yet.
      return keysLoaded.getAsBoolean()
          ? new Authentication.Rejected(Reasons.UNKNOWN_KEY)
          : new Authentication.Unavailable(Reasons.KEYS_UNAVAILABLE);
    } catch (KeySourceException e) {
      return new Authentication.Unavailable(Reasons.KEYS_UNAVAILABLE);
    } catch (JOSEException e) {
      // The matching key could not verify this kind of signature (e.g. an RSA key too short).
      return new Authentication.Rejected(Reasons.SIGNATURE_INVALID);
    }
  }

  /**
   * RFC 7519 makes {@code sub} a string, but nimbus reads a number there as its decimal text, so
   * {@code "sub": 12345} would sign in as the user {@code 12345}; the raw claim is checked instead.
   */
  private static boolean subjectIsAStringOrAbsent(SignedJWT jwt) {
    Object subject = jwt.getPayload().toJSONObject().get(JWTClaimNames.SUBJECT);
    return subject == null || subject instanceof String;
  }

  private String headerRefusal(JWSHeader header) {
    if (!algorithms.contains(header.getAlgorithm())) {
      return Reasons.UNSUPPORTED_ALGORITHM;
    }
    try {
      TYPES.verify(header.getType(), null);
      return null;
    } catch (BadJOSEException e) {
      return Reasons.UNSUPPORTED_TYPE;
    }
  }

  private static Authentication authenticated(JWTClaimsSet claims) {
    String subject = claims.getSubject();
    if (subject == null || subject.isBlank()) {
      return new Authentication.Rejected(Reasons.NO_SUBJECT);
    }
    if (!Identifiers.isValid(subject)) {
      return new Authentication.Rejected(Reasons.SUBJECT_NOT_A_USER_ID);
    }
    return new Authentication.Authenticated(
        new UserId(subject), claims.getExpirationTime().toInstant());
  }
}
