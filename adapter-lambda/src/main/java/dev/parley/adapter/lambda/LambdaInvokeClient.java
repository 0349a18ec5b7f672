package dev.parley.adapter.lambda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Lambda's {@code Invoke} operation with {@code InvocationType: Event} (asynchronous): one POST to
 * {@code /2015-03-31/functions/{name}/invocations}, signed with SigV4 by the SDK's own signer and
 * sent by its URL-connection HTTP client, with the deployment's credentials provider.
 *
 * <p>Written here rather than taken from the SDK's {@code lambda} module because that module
 * carries the model of every Lambda operation: 2.9 MB of the 20 MB deployment jar for this one
 * call. Everything that is hard to get right (signing, credentials, HTTP) is still the SDK's; what
 * is left is the request line and the status. The emulator's tests drive its Invoke API with the
 * SDK's own client, and this client's tests drive the emulator, so both meet the same wire format.
 */
final class LambdaInvokeClient implements AutoCloseable {
  /** Attempts per invocation: Lambda answers 429 or 5xx now and then, and accepts in ms. */
  static final int MAX_ATTEMPTS = 3;

  private final SdkHttpClient http;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private final AwsCredentialsProvider credentials;
  private final String region;
  private final URI endpoint;

  /**
   * @param endpoint the Lambda API, or null for the region's ({@code https://lambda.<region>.<dns
   *     suffix>})
   * @param attemptTimeout the longest an attempt may take to connect, and then to answer
   */
  LambdaInvokeClient(
      String region, AwsCredentialsProvider credentials, URI endpoint, Duration attemptTimeout) {
    this.region = region;
    this.credentials = credentials;
    this.endpoint = endpoint != null ? endpoint : regionalEndpoint(region);
    this.http =
        UrlConnectionHttpClient.builder()
            .connectionTimeout(attemptTimeout)
            .socketTimeout(attemptTimeout)
            .build();
  }

  /** The regional endpoint, in the region's partition (amazonaws.com, amazonaws.com.cn, ...). */
  static URI regionalEndpoint(String region) {
    RegionMetadata metadata = Region.of(region).metadata();
    String domain = metadata != null ? metadata.domain() : "amazonaws.com";
    return URI.create("https://lambda." + region + "." + domain);
  }

  /** What Lambda answered: its status, and its error text when it refused. */
  record Answer(int status, String error) {
    boolean accepted() {
      return status == 202;
    }
  }

  /**
   * Invokes {@code function} (a name, a qualified name or an ARN) asynchronously with {@code
   * payload}, trying again on a throttle (429), a server error (5xx) or an I/O failure, at most
   * {@link #MAX_ATTEMPTS} times.
   *
   * @return the last answer
   * @throws IOException when the last attempt could not reach Lambda
   */
  Answer invokeAsync(String function, byte[] payload) throws IOException {
    IOException failure = null;
    Answer answer = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        answer = send(function, payload);
        failure = null;
        if (answer.status() != 429 && answer.status() < 500) {
          return answer;
        }
      } catch (IOException e) {
        failure = e;
      }
      if (attempt < MAX_ATTEMPTS) {
        pause(attempt);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return answer;
  }

  private Answer send(String function, byte[] payload) throws IOException {
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(endpoint)
            .encodedPath(
                "/2015-03-31/functions/" + SdkHttpUtils.urlEncode(function) + "/invocations")
            .putHeader("X-Amz-Invocation-Type", "Event")
            .putHeader("Content-Type", "application/json")
            .putHeader("Content-Length", Integer.toString(payload.length))
            .build();
    ContentStreamProvider body = () -> new ByteArrayInputStream(payload);
    AwsCredentialsIdentity identity = credentials.resolveCredentials();
    SdkHttpRequest signed =
        signer
            .sign(
                r ->
                    r.identity(identity)
                        .request(request)
                        .payload(body)
                        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "lambda")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region))
            .request();
    HttpExecuteResponse response =
        http.prepareRequest(
                HttpExecuteRequest.builder().request(signed).contentStreamProvider(body).build())
            .call();
    int status = response.httpResponse().statusCode();
    String error = status == 202 ? "" : text(response.responseBody());
    return new Answer(status, error);
  }

  private static String text(Optional<? extends InputStream> body) throws IOException {
    if (body.isEmpty()) {
      return "";
    }
    try (InputStream in = body.get()) {
      return new String(in.readNBytes(1_000), StandardCharsets.UTF_8);
    }
  }

  /**
   * Backs off before the next attempt (50 ms, then 100 ms): Lambda's 429 and 5xx answers ask the
   * caller to slow down for a moment, and retrying at once would meet the same answer. Two short
   * pauses stay well inside the request's budget; there is no event to wait on instead.
   */
  private static void pause(int attempt) {
    try {
      Thread.sleep(50L << (attempt - 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
