package dev.parley.adapter.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.parley.protocol.http.ApiRequest;
import dev.parley.protocol.http.ApiResponse;
import java.util.LinkedHashMap;

/**
 * An API Gateway REST API (payload v1, Lambda proxy integration) in front of chat-protocol's {@link
 * dev.parley.protocol.rest.RestApi}: the same routes, statuses and bodies as the Fargate server.
 *
 * <p>The path is the event's {@code path} (without the stage). The user is the one a Cognito
 * user-pool authorizer ({@code requestContext.authorizer.claims.sub}) or a Lambda authorizer
 * ({@code userId} or {@code principalId} in its context) vouched for; without an authorizer the
 * bearer token is verified here. Bad events are 4xx problems; the handler never throws.
 */
public class RestApiHandler
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private final LambdaRuntime runtime;

  public RestApiHandler(LambdaRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(
      APIGatewayProxyRequestEvent event, Context context) {
    var requestContext = event == null ? null : event.getRequestContext();
    String requestId =
        HttpEvents.requestId(
            requestContext == null ? null : requestContext.getRequestId(), context);
    ApiResponse response =
        HttpEvents.handle(runtime.restApi(), () -> request(event, requestId), requestId);
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(response.status())
        .withHeaders(new LinkedHashMap<>(response.headers()))
        .withBody(response.bodyAsString())
        .withIsBase64Encoded(false);
  }

  private static ApiRequest request(APIGatewayProxyRequestEvent event, String requestId) {
    if (event == null) {
      throw HttpEvents.malformed("not an API Gateway proxy event");
    }
    var requestContext = event.getRequestContext();
    return new ApiRequest(
        HttpEvents.method(event.getHttpMethod()),
        HttpEvents.path(event.getPath()),
        HttpEvents.query(
            event.getMultiValueQueryStringParameters(), event.getQueryStringParameters()),
        HttpEvents.headers(event.getMultiValueHeaders(), event.getHeaders()),
        HttpEvents.body(event.getBody(), Boolean.TRUE.equals(event.getIsBase64Encoded())),
        HttpEvents.user(
            HttpEvents.identityOf(requestContext == null ? null : requestContext.getAuthorizer())),
        requestId);
  }
}
