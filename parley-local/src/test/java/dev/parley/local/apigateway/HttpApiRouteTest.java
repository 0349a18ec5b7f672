package dev.parley.local.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP API alone, over loopback: what the function receives, and what the client gets. */
class HttpApiRouteTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<APIGatewayV2HTTPEvent> invocations = new ArrayList<>();
  private final AtomicReference<APIGatewayV2HTTPResponse> answer =
      new AtomicReference<>(
          APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("ok").build());
  private LoopbackServer server;

  @BeforeEach
  void start() throws Exception {
    LambdaFunctions functions =
        new LambdaFunctions(
            (event, context) -> {
              synchronized (invocations) {
                invocations.add(event);
              }
              return answer.get();
            },
            null,
            null);
    server = LoopbackServer.serving(new HttpApiRoute(() -> functions, () -> "127.0.0.1:3000"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void pathIsPassedAsSentWithTheMethodAndTheDomainName() throws Exception {
    APIGatewayV2HTTPEvent event = invoke(get("/rooms/general%20chat/messages"));

    assertThat(event.getRawPath()).isEqualTo("/rooms/general%20chat/messages");
    assertThat(event.getRouteKey()).isEqualTo("$default");
    assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("GET");
    assertThat(event.getRequestContext().getDomainName()).isEqualTo("127.0.0.1:3000");
    assertThat(event.getRequestContext().getStage()).isEqualTo("$default");
  }

  @Test
  void repeatedQueryParametersAreJoinedWithCommas() throws Exception {
    APIGatewayV2HTTPEvent event = invoke(get("/rooms?tag=a&tag=b&q=x%20y"));

    assertThat(event.getRawQueryString()).isEqualTo("tag=a&tag=b&q=x%20y");
    assertThat(event.getQueryStringParameters()).isEqualTo(Map.of("tag", "a,b", "q", "x y"));
  }

  @Test
  void noQueryIsAnEmptyRawQueryAndNoParameters() throws Exception {
    APIGatewayV2HTTPEvent event = invoke(get("/rooms"));

    assertThat(event.getRawQueryString()).isEmpty();
    assertThat(event.getQueryStringParameters()).isNull();
  }

  @Test
  void headerNamesAreLowerCasedAndRepeatedValuesJoined() throws Exception {
    APIGatewayV2HTTPEvent event =
        invoke(
            HttpRequest.newBuilder(server.uri("/rooms"))
                .header("X-Trace-Id", "abc")
                .header("X-Tag", "a")
                .header("X-Tag", "b"));

    assertThat(event.getHeaders())
        .containsEntry("x-trace-id", "abc")
        .containsEntry("x-tag", "a,b")
        .doesNotContainKey("X-Trace-Id");
  }

  @Test
  void cookiesArePassedApartFromTheHeaders() throws Exception {
    APIGatewayV2HTTPEvent event =
        invoke(HttpRequest.newBuilder(server.uri("/rooms")).header("Cookie", "a=1; b=2"));

    assertThat(event.getCookies()).containsExactly("a=1", "b=2");
    assertThat(event.getHeaders()).doesNotContainKey("cookie");
  }

  @Test
  void textBodyIsPassedAsText() throws Exception {
    APIGatewayV2HTTPEvent event =
        invoke(HttpRequest.newBuilder(server.uri("/rooms")).POST(BodyPublishers.ofString("héllo")));

    assertThat(event.getIsBase64Encoded()).isFalse();
    assertThat(event.getBody()).isEqualTo("héllo");
  }

  @Test
  void bodyThatIsNotUtf8IsBase64Encoded() throws Exception {
    byte[] binary = {(byte) 0xff, 0x00, (byte) 0xfe};
    APIGatewayV2HTTPEvent event =
        invoke(
            HttpRequest.newBuilder(server.uri("/files")).POST(BodyPublishers.ofByteArray(binary)));

    assertThat(event.getIsBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(binary);
  }

  @Test
  void answerBecomesTheResponseWithItsCookiesAndDecodedBody() throws Exception {
    byte[] binary = {(byte) 0xff, 0x01};
    answer.set(
        APIGatewayV2HTTPResponse.builder()
            .withStatusCode(201)
            .withHeaders(Map.of("X-Room", "r1"))
            .withCookies(List.of("s=1", "t=2"))
            .withBody(Base64.getEncoder().encodeToString(binary))
            .withIsBase64Encoded(true)
            .build());

    HttpResponse<byte[]> response = client.send(get("/rooms").build(), BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("X-Room")).hasValue("r1");
    assertThat(response.headers().allValues("Set-Cookie")).containsExactly("s=1", "t=2");
    assertThat(response.body()).isEqualTo(binary);
  }

  @Test
  void noAnswerFromTheFunctionIs500() throws Exception {
    answer.set(null);

    HttpResponse<String> response = client.send(get("/rooms").build(), BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(500);
  }

  @Test
  void bodyOverLambdasLimitIs413WithoutInvokingTheFunction() throws Exception {
    byte[] tooLarge = new byte[HttpApiRoute.MAX_PAYLOAD_BYTES + 1];

    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(server.uri("/files"))
                .POST(BodyPublishers.ofByteArray(tooLarge))
                .build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(invocations).isEmpty();
  }

  private HttpRequest.Builder get(String pathAndQuery) {
    return HttpRequest.newBuilder(server.uri(pathAndQuery));
  }

  private APIGatewayV2HTTPEvent invoke(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = client.send(request.build(), BodyHandlers.ofString());
    assertThat(response.statusCode()).as("the function's answer").isEqualTo(200);
    synchronized (invocations) {
      assertThat(invocations).hasSize(1);
      return invocations.getFirst();
    }
  }
}
