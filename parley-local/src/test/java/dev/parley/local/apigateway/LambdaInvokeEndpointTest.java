package dev.parley.local.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The Invoke API alone, over loopback, with the AWS SDK's Lambda client and stand-in functions. */
class LambdaInvokeEndpointTest {
  /** The input a stand-in function binds its payload to. */
  record Greeting(String name) {}

  private final LambdaInvokeEndpoint endpoint = new LambdaInvokeEndpoint();
  private final List<String> greeted = new CopyOnWriteArrayList<>();
  private LoopbackServer server;
  private LambdaClient lambda;

  @BeforeEach
  void start() throws Exception {
    server = LoopbackServer.serving(endpoint);
    lambda =
        LambdaClient.builder()
            .endpointOverride(server.uri(""))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build();
    deploy(
        "greeter",
        (greeting, context) -> {
          greeted.add(greeting.name());
          return Map.of("hello", greeting.name());
        });
  }

  @AfterEach
  void stop() throws Exception {
    lambda.close();
    endpoint.close(Duration.ofSeconds(5));
    server.close();
  }

  private void deploy(String name, RequestHandler<Greeting, Map<String, String>> handler) {
    endpoint.deploy(name, LocalFunction.of(Greeting.class, handler));
  }

  private InvokeResponse invoke(String function, InvocationType type, String payload) {
    return lambda.invoke(
        b ->
            b.functionName(function)
                .invocationType(type)
                .payload(SdkBytes.fromUtf8String(payload)));
  }

  @Test
  void aRequestResponseInvocationAnswersTheFunctionsResult() {
    InvokeResponse response =
        invoke("greeter", InvocationType.REQUEST_RESPONSE, "{\"name\":\"ada\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isNull();
    assertThat(response.payload().asUtf8String()).isEqualTo("{\"hello\":\"ada\"}");
    assertThat(greeted).containsExactly("ada");
  }

  @Test
  void anEventInvocationIsAcceptedAtOnceAndRunsInTheBackground() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    deploy(
        "slow-greeter",
        (greeting, context) -> {
          try {
            // Held until the test has seen the 202: the answer does not wait for the function.
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          greeted.add(greeting.name());
          return Map.of();
        });

    InvokeResponse response = invoke("slow-greeter", InvocationType.EVENT, "{\"name\":\"bo\"}");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(greeted).isEmpty();
    release.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> greeted.contains("bo"));
  }

  @Test
  void theFunctionIsFoundByNameQualifiedNameOrArn() {
    for (String named :
        List.of(
            "greeter:live",
            "123456789012:function:greeter",
            "arn:aws:lambda:us-east-1:123456789012:function:greeter:live")) {
      assertThat(invoke(named, InvocationType.REQUEST_RESPONSE, "{\"name\":\"x\"}").statusCode())
          .as(named)
          .isEqualTo(200);
    }
  }

  @Test
  void anUnknownFunctionIsResourceNotFound() {
    assertThatThrownBy(() -> invoke("nobody", InvocationType.EVENT, "{}"))
        .isInstanceOf(ResourceNotFoundException.class)
        .satisfies(e -> assertThat(((ResourceNotFoundException) e).statusCode()).isEqualTo(404));
  }

  @Test
  void aFunctionThatThrowsIsAnUnhandledFunctionError() {
    deploy(
        "failing",
        (greeting, context) -> {
          throw new IllegalStateException("no greeting for " + greeting.name());
        });

    InvokeResponse response =
        invoke("failing", InvocationType.REQUEST_RESPONSE, "{\"name\":\"z\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isEqualTo("Unhandled");
    assertThat(response.payload().asUtf8String())
        .contains("\"errorMessage\":\"no greeting for z\"")
        .contains("\"errorType\":\"java.lang.IllegalStateException\"");
  }

  @Test
  void aFailingEventInvocationIsRetriedTwiceAsLambdaRetriesIt() {
    List<String> attempts = new CopyOnWriteArrayList<>();
    deploy(
        "flaky",
        (greeting, context) -> {
          attempts.add(greeting.name());
          throw new IllegalStateException("still failing");
        });

    assertThat(invoke("flaky", InvocationType.EVENT, "{\"name\":\"r\"}").statusCode())
        .isEqualTo(202);

    await().atMost(Duration.ofSeconds(10)).until(() -> attempts.size() == 3);
    endpoint.close(Duration.ofSeconds(5));
    assertThat(attempts).containsExactly("r", "r", "r");
  }

  @Test
  void anEventPayloadOverLambdasAsynchronousLimitIsRefused() {
    String name = "x".repeat(LambdaInvokeEndpoint.MAX_EVENT_PAYLOAD_BYTES);
    String payload = "{\"name\":\"" + name + "\"}";
    assertThat(payload.getBytes(StandardCharsets.UTF_8).length)
        .isGreaterThan(LambdaInvokeEndpoint.MAX_EVENT_PAYLOAD_BYTES);

    assertThatThrownBy(() -> invoke("greeter", InvocationType.EVENT, payload))
        .isInstanceOf(RequestTooLargeException.class);
    // The same payload is within the synchronous limit.
    assertThat(invoke("greeter", InvocationType.REQUEST_RESPONSE, payload).statusCode())
        .isEqualTo(200);
    assertThat(greeted).containsExactly(name);
  }
}
