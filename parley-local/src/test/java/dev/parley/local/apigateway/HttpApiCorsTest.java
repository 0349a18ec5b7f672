package dev.parley.local.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.parley.protocol.http.CorsPolicy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP API's CORS configuration, answered by the gateway as API Gateway answers it. */
class HttpApiCorsTest {
  private static final String APP = "https://app.example.com";
  private static final String OTHER = "https://evil.example.com";

  private final HttpClient client = HttpClient.newHttpClient();
  private final List<APIGatewayV2HTTPEvent> invocations = new CopyOnWriteArrayList<>();
  private LoopbackServer server;

  private void start(CorsPolicy policy) throws Exception {
    LambdaFunctions functions =
        new LambdaFunctions(
            (event, context) -> {
              invocations.add(event);
              return APIGatewayV2HTTPResponse.builder()
                  .withStatusCode(200)
                  .withHeaders(Map.of("X-Request-Id", "r-1"))
                  .withBody("{}")
                  .build();
            },
            null,
            null);
    HttpApiCors cors = new HttpApiCors(new HttpApiRoute(() -> functions, () -> "127.0.0.1:3000"));
    cors.configure(policy);
    server = LoopbackServer.serving(cors);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void thePreflightOfAnAllowedOriginIsAnsweredByTheGatewayWithPermission() throws Exception {
    start(CorsPolicy.allowing(APP));

    HttpResponse<String> preflight = send(preflight(APP));

    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
        .hasValue("GET,POST,PUT,PATCH,DELETE");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValue("Authorization,Content-Type,X-Request-Id");
    assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
    assertThat(invocations).isEmpty();
  }

  @Test
  void thePreflightOfAnotherOriginIsAnsweredWithoutPermissionAndNeverReachesTheFunction()
      throws Exception {
    start(CorsPolicy.allowing(APP));

    HttpResponse<String> preflight = send(preflight(OTHER));

    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
    assertThat(invocations).isEmpty();
  }

  @Test
  void anAllowedOriginsCallReachesTheFunctionAndMayReadTheExposedHeaders() throws Exception {
    start(CorsPolicy.allowing(APP));

    HttpResponse<String> call = send(get(APP));

    assertThat(call.statusCode()).isEqualTo(200);
    assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(call.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
        .contains("Retry-After", "X-Request-Id", "X-RateLimit-Remaining");
    assertThat(call.headers().firstValue("X-Request-Id")).hasValue("r-1");
    assertThat(invocations).hasSize(1);
  }

  @Test
  void anotherOriginsCallIsPassedOnWithoutPermission() throws Exception {
    start(CorsPolicy.allowing(APP));

    HttpResponse<String> call = send(get(OTHER));

    assertThat(call.statusCode()).isEqualTo(200);
    assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void withoutAConfigurationTheFunctionAnswersThePreflightItself() throws Exception {
    start(CorsPolicy.SAME_ORIGIN_ONLY);

    HttpResponse<String> preflight = send(preflight(APP));

    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(invocations).hasSize(1);
  }

  private HttpRequest preflight(String origin) {
    return HttpRequest.newBuilder(server.uri("/rooms"))
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type")
        .method("OPTIONS", BodyPublishers.noBody())
        .build();
  }

  private HttpRequest get(String origin) {
    return HttpRequest.newBuilder(server.uri("/rooms")).header("Origin", origin).GET().build();
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return client.send(request, BodyHandlers.ofString());
  }
}
