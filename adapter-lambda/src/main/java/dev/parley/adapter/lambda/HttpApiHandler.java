package dev.parley.adapter.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.parley.protocol.http.ApiRequest;
import dev.parley.protocol.http.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An API Gateway HTTP API (payload v2) in front of chat-protocol's {@link
 * dev.parley.protocol.rest.RestApi}: the same routes, statuses and bodies as the Fargate server.
 *
 * <p>The path is {@code rawPath}, the query is parsed from {@code rawQueryString} (so repeated
 * parameters keep every value; API Gateway joins them with commas in {@code
 * queryStringParameters}). The user is the one a JWT authorizer ({@code
 * requestContext.authorizer.jwt.claims.sub}) or a Lambda authorizer ({@code
 * requestContext.authorizer.lambda.userId}) vouched for; without an authorizer the bearer token is
 * verified here. Bad events are 4xx problems; the handler never throws.
 */
public class HttpApiHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final LambdaRuntime runtime;

  public HttpApiHandler(LambdaRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    var requestContext = event == null ? null : event.getRequestContext();
    String requestId =
        HttpEvents.requestId(
            requestContext == null ? null : requestContext.getRequestId(), context);
    ApiResponse response =
        HttpEvents.handle(runtime.restApi(), () -> request(event, requestId), requestId);
    APIGatewayV2HTTPResponse out = new APIGatewayV2HTTPResponse();
    out.setStatusCode(response.status());
    out.setHeaders(new LinkedHashMap<>(response.headers()));
    out.setBody(response.bodyAsString());
    out.setIsBase64Encoded(false);
    return out;
  }

  private static ApiRequest request(APIGatewayV2HTTPEvent event, String requestId) {
    if (event == null || event.getRequestContext() == null) {
      throw HttpEvents.malformed("not an API Gateway HTTP API (v2) event");
    }
    var requestContext = event.getRequestContext();
    String method = requestContext.getHttp() == null ? null : requestContext.getHttp().getMethod();
    Map<String, List<String>> query =
        event.getRawQueryString() != null
            ? HttpEvents.rawQuery(event.getRawQueryString())
            : HttpEvents.query(null, event.getQueryStringParameters());
    return new ApiRequest(
        HttpEvents.method(method),
        HttpEvents.path(event.getRawPath()),
        query,
        HttpEvents.headers(null, event.getHeaders()),
        HttpEvents.body(event.getBody(), event.getIsBase64Encoded()),
        HttpEvents.user(identity(requestContext.getAuthorizer())),
        requestId);
  }

  private static Object identity(APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer) {
    if (authorizer == null) {
      return null;
    }
    if (authorizer.getJwt() != null
        && authorizer.getJwt().getClaims() != null
        && authorizer.getJwt().getClaims().get("sub") != null) {
      return authorizer.getJwt().getClaims().get("sub");
    }
    Map<String, Object> lambda = authorizer.getLambda();
    return lambda == null ? null : lambda.get("userId");
  }
}
