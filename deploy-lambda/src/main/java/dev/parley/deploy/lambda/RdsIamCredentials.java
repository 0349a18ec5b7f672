package dev.parley.deploy.lambda;

import dev.parley.adapter.postgres.PostgresCredentials;
import dev.parley.adapter.postgres.PostgresCredentialsSource;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * RDS IAM authentication: the password of each new connection is an authentication token, a SigV4
 * pre-signed {@code connect} request for the user, signed with the function's role for the service
 * {@code rds-db}. A token is good for 15 minutes and only needs to be valid when the connection
 * logs in, so one is reused for 10 minutes, then a new one is signed (a local computation, no
 * network call).
 *
 * <p>Signed here with the SDK's {@link AwsV4HttpSigner} ({@code http-auth-aws}, already in the jar
 * for every other client) rather than with {@code RdsUtilities} from the {@code rds} module: that
 * module is the whole RDS API model, a 6 MB jar (2.57.8) for one method, in an artifact whose size
 * is a cold-start cost. {@code RdsIamCredentialsTest} checks that both sign the same token.
 */
final class RdsIamCredentials implements PostgresCredentialsSource {
  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
  static final Duration REUSE = Duration.ofMinutes(10);

  private final String host;
  private final int port;
  private final String user;
  private final String region;
  private final AwsCredentialsProvider aws;
  private final Clock clock;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private PostgresCredentials current;
  private Instant signedAt;

  /**
   * @param host the endpoint connected to (the RDS Proxy or cluster endpoint of the JDBC URL)
   */
  RdsIamCredentials(
      String host, int port, String user, String region, AwsCredentialsProvider aws, Clock clock) {
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
    this.user = Objects.requireNonNull(user, "user");
    this.region = Objects.requireNonNull(region, "region");
    this.aws = Objects.requireNonNull(aws, "aws");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized PostgresCredentials credentials() throws SQLException {
    Instant now = clock.instant();
    if (current == null || Duration.between(signedAt, now).compareTo(REUSE) >= 0) {
      current = new PostgresCredentials(user, token());
      signedAt = now;
    }
    return current;
  }

  /** A token refused (the role's credentials changed, say) is not used again: sign a new one. */
  @Override
  public synchronized boolean refresh(PostgresCredentials refused) {
    if (refused.equals(current)) {
      current = null;
    }
    return true;
  }

  /** A new token, valid for {@link #TOKEN_LIFETIME} from now. */
  String token() throws SQLException {
    AwsCredentialsIdentity identity;
    try {
      identity = aws.resolveCredentials();
    } catch (SdkException e) {
      throw new SQLException(
          "no AWS credentials to sign an RDS IAM token with: " + e.getMessage(), "08001", e);
    }
    SdkHttpRequest connect =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.GET)
            .protocol("https")
            .host(host)
            .port(port)
            .encodedPath("/")
            .putRawQueryParameter("DBUser", user)
            .putRawQueryParameter("Action", "connect")
            .build();
    SdkHttpRequest signed =
        signer
            .sign(
                r ->
                    r.identity(identity)
                        .request(connect)
                        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "rds-db")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(
                            AwsV4FamilyHttpSigner.AUTH_LOCATION,
                            AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, TOKEN_LIFETIME)
                        .putProperty(HttpSigner.SIGNING_CLOCK, clock))
            .request();
    // The token is the signed URL without its scheme: host:port/?Action=connect&DBUser=...
    return signed.getUri().toString().substring("https://".length());
  }
}
