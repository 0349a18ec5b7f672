package dev.parley.local.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API's one route, {@code $default}: every request with one of the methods an HTTP API
 * routes invokes the HTTP function, unless its body is over Lambda's invocation limit (413, the
 * function is not invoked). What API Gateway answers itself, it answers in its own words: {@code
 * {"message":"..."}}.
 */
final class HttpApiRoute extends Handler.Abstract {
  /** Lambda's synchronous invocation payload limit; API Gateway's own (10 MB) is higher. */
  static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

  /**
   * What an {@code ANY} route matches. Methods are case-sensitive: {@code get} is not {@code GET},
   * and matches no route.
   */
  static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private static final Logger LOG = LoggerFactory.getLogger(HttpApiRoute.class);

  private final Supplier<LambdaFunctions> functions;
  private final Supplier<String> domainName;

  /**
   * @param functions read on every request, never null by then
   * @param domainName the {@code host:port} the events name
   */
  HttpApiRoute(Supplier<LambdaFunctions> functions, Supplier<String> domainName) {
    this.functions = functions;
    this.domainName = domainName;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    if (!METHODS.contains(request.getMethod())) {
      return JsonReplies.message(response, callback, 404, "Not Found");
    }
    // A declared length over the limit is refused before any of the body is waited for.
    if (request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > MAX_PAYLOAD_BYTES) {
      return tooLarge(response, callback);
    }
    byte[] body;
    try {
      body = Request.asInputStream(request).readNBytes(MAX_PAYLOAD_BYTES + 1);
    } catch (IOException e) {
      // A body that stopped arriving (the connection's idle timeout) or broken chunking.
      LOG.debug("could not read a request body: {}", e.toString());
      return stalled(e)
          ? JsonReplies.message(response, callback, 408, "Request Timeout")
          : JsonReplies.message(response, callback, 400, "Bad Request");
    }
    if (body.length > MAX_PAYLOAD_BYTES) {
      return tooLarge(response, callback);
    }
    APIGatewayV2HTTPResponse answer;
    try {
      answer =
          functions
              .get()
              .http()
              .handleRequest(HttpApiEvents.toEvent(request, body, domainName.get()), null);
    } catch (RuntimeException e) {
      // What Lambda reports as a function error; API Gateway hides it behind a 500.
      LOG.warn("the HTTP function failed", e);
      answer = null;
    }
    if (answer == null) {
      return JsonReplies.message(response, callback, 500, "Internal Server Error");
    }
    return HttpApiEvents.reply(response, callback, answer);
  }

  private static boolean stalled(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static boolean tooLarge(Response response, Callback callback) {
    return JsonReplies.message(response, callback, 413, "Request Entity Too Large");
  }
}
