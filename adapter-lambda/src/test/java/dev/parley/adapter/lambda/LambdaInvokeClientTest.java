package dev.parley.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * {@link LambdaInvokeClient} against a loopback Invoke API, side by side with the SDK's own Lambda
 * client: the same request line, headers that matter and payload, a SigV4 signature for the lambda
 * service, retries on throttling, and Lambda's refusals passed on.
 */
class LambdaInvokeClientTest {
  private static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:function:fan-out:live";
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));
  private static final byte[] PAYLOAD =
      "{\"endpoint\":\"https://x\",\"frame\":\"{}\",\"connectionIds\":[\"a\"]}"
          .getBytes(StandardCharsets.UTF_8);

  private final FakeLambdaServer lambda;
  private final LambdaInvokeClient client;

  LambdaInvokeClientTest() throws Exception {
    lambda = new FakeLambdaServer();
    client =
        new LambdaInvokeClient("eu-west-1", CREDENTIALS, lambda.endpoint(), Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() {
    client.close();
    lambda.close();
  }

  @Test
  void anAcceptedInvocationIsTheRequestTheSdksClientSends() throws Exception {
    assertThat(client.invokeAsync(ARN, PAYLOAD).accepted()).isTrue();
    try (LambdaClient sdk =
        LambdaClient.builder()
            .region(Region.EU_WEST_1)
            .credentialsProvider(CREDENTIALS)
            .endpointOverride(lambda.endpoint())
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build()) {
      sdk.invoke(
          b ->
              b.functionName(ARN)
                  .invocationType(InvocationType.EVENT)
                  .payload(SdkBytes.fromByteArray(PAYLOAD)));
    }

    assertThat(lambda.invocations()).hasSize(2);
    FakeLambdaServer.Invocation ours = lambda.invocations().get(0);
    FakeLambdaServer.Invocation theirs = lambda.invocations().get(1);
    assertThat(ours.function()).isEqualTo(ARN);
    assertThat(ours.rawPath()).isEqualTo(theirs.rawPath());
    assertThat(ours.invocationType()).isEqualTo("Event").isEqualTo(theirs.invocationType());
    assertThat(ours.payload()).isEqualTo(PAYLOAD).isEqualTo(theirs.payload());
    String scope = "Credential=AKIDTEST/";
    assertThat(ours.authorization())
        .startsWith("AWS4-HMAC-SHA256 " + scope)
        .contains("/eu-west-1/lambda/aws4_request")
        .contains("x-amz-invocation-type");
    assertThat(theirs.authorization()).contains("/eu-west-1/lambda/aws4_request");
  }

  @Test
  void aThrottledInvocationIsTriedAgain() throws Exception {
    lambda.throttle(2);

    assertThat(client.invokeAsync("fan-out", PAYLOAD).accepted()).isTrue();
    assertThat(lambda.invocations()).hasSize(3);
  }

  @Test
  void throttledOnEveryAttemptItGivesUpWithLambdasAnswer() throws Exception {
    lambda.throttle(LambdaInvokeClient.MAX_ATTEMPTS);

    LambdaInvokeClient.Answer answer = client.invokeAsync("fan-out", PAYLOAD);

    assertThat(answer.accepted()).isFalse();
    assertThat(answer.status()).isEqualTo(429);
    assertThat(lambda.invocations()).hasSize(LambdaInvokeClient.MAX_ATTEMPTS);
  }

  @Test
  void aRefusalIsNotRetriedAndCarriesLambdasError() throws Exception {
    lambda.refuse();

    LambdaInvokeClient.Answer answer = client.invokeAsync("fan-out", PAYLOAD);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.error()).contains("ResourceNotFoundException");
    assertThat(lambda.invocations()).hasSize(1);
  }

  @Test
  void theRegionalEndpointIsInTheRegionsPartition() {
    assertThat(LambdaInvokeClient.regionalEndpoint("eu-west-1"))
        .isEqualTo(URI.create("https://lambda.eu-west-1.amazonaws.com"));
    assertThat(LambdaInvokeClient.regionalEndpoint("cn-north-1"))
        .isEqualTo(URI.create("https://lambda.cn-north-1.amazonaws.com.cn"));
  }
}
