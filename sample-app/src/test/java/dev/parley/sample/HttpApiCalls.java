package dev.parley.sample;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.parley.adapter.lambda.HttpApiHandler;
import java.util.Map;
import java.util.UUID;

/**
 * HTTP API (payload 2.0) invocations of a handler, as Lambda makes them, for tests that drive a
 * Lambda runtime without the API Gateway emulator in front.
 */
final class HttpApiCalls {
  private HttpApiCalls() {}

  /** {@code method path} with a bearer token and an optional JSON body. */
  static APIGatewayV2HTTPResponse call(
      HttpApiHandler handler, String method, String path, String token, String jsonBody) {
    APIGatewayV2HTTPEvent.RequestContext.Http http =
        new APIGatewayV2HTTPEvent.RequestContext.Http();
    http.setMethod(method);
    http.setPath(path);
    APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
    context.setHttp(http);
    context.setRequestId(UUID.randomUUID().toString());
    context.setStage("$default");
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setVersion("2.0");
    event.setRouteKey("$default");
    event.setRawPath(path);
    event.setRawQueryString("");
    event.setHeaders(
        Map.of("authorization", "Bearer " + token, "content-type", "application/json"));
    event.setBody(jsonBody);
    event.setIsBase64Encoded(false);
    event.setRequestContext(context);
    return handler.handleRequest(event, null);
  }
}
