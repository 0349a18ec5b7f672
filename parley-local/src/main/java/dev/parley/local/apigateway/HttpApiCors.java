package dev.parley.local.apigateway;

import dev.parley.protocol.http.CorsPolicy;
import java.util.Objects;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP API's CORS configuration, as API Gateway applies it: every preflight is answered by the
 * gateway itself (204; the function never sees it), with permission only for an allowed origin; an
 * allowed origin's calls get the CORS headers added to whatever the function answers. Written here
 * rather than taken from Jetty's {@code CrossOriginHandler} because that one hands a refused
 * preflight on to the application, which API Gateway never does.
 */
final class HttpApiCors extends Handler.Wrapper {
  private volatile CorsPolicy policy = CorsPolicy.SAME_ORIGIN_ONLY;

  HttpApiCors(Handler api) {
    super(api);
  }

  void configure(CorsPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    CorsPolicy current = policy;
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (!current.enabled() || origin == null) {
      return super.handle(request, response, callback);
    }
    boolean allowed = current.allows(origin);
    if (HttpMethod.OPTIONS.is(request.getMethod())
        && request.getHeaders().contains(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD)) {
      if (allowed) {
        permit(current, origin, response);
        response
            .getHeaders()
            .put(
                HttpHeader.ACCESS_CONTROL_ALLOW_METHODS,
                String.join(",", CorsPolicy.ALLOWED_METHODS));
        response
            .getHeaders()
            .put(
                HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS,
                String.join(",", CorsPolicy.ALLOWED_HEADERS));
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_MAX_AGE, current.maxAge().toSeconds());
      }
      response.setStatus(HttpStatus.NO_CONTENT_204);
      callback.succeeded();
      return true;
    }
    if (allowed) {
      permit(current, origin, response);
      response
          .getHeaders()
          .put(
              HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS,
              String.join(",", CorsPolicy.EXPOSED_HEADERS));
    }
    return super.handle(request, response, callback);
  }

  private static void permit(CorsPolicy policy, String origin, Response response) {
    response
        .getHeaders()
        .put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, policy.anyOrigin() ? "*" : origin);
    if (policy.allowCredentials()) {
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
    }
    response.getHeaders().add(HttpHeader.VARY, "Origin");
  }
}
