package dev.parley.protocol.auth;

/**
 * The texts of {@link Authentication.Rejected}. Clients see them in 401 problem details, so they
 * name the failed check without quoting anything from the token.
 */
final class Reasons {
  static final String MISSING = "missing token";
  static final String MALFORMED = "malformed token";
  static final String UNSUPPORTED_ALGORITHM = "unsupported algorithm";
  static final String UNSUPPORTED_TYPE = "unsupported token type";
  static final String SIGNATURE_INVALID = "token signature invalid";
  static final String UNKNOWN_KEY = "unknown signing key";
  static final String KEYS_UNAVAILABLE = "signing keys unavailable";
  static final String EXPIRED = "token expired";
  static final String NOT_YET_VALID = "token not yet valid";
  static final String WRONG_ISSUER = "wrong issuer";
  static final String WRONG_AUDIENCE = "wrong audience";
  static final String NO_EXPIRY = "token has no expiry";
  static final String NO_SUBJECT = "token has no subject";
  static final String SUBJECT_NOT_A_USER_ID = "token subject is not a valid user id";
  static final String CLAIMS_INVALID = "token claims invalid";

  private Reasons() {}
}
