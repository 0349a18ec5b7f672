package dev.parley.local.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP API's one route, {@code $default}: every request invokes the HTTP function, unless its
 * body is over Lambda's invocation limit (413, the function is not invoked).
 */
final class HttpApiRoute extends Handler.Abstract {
  /** Lambda's synchronous invocation payload limit; API Gateway's own (10 MB) is higher. */
  static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

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
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    byte[] body = Request.asInputStream(request).readNBytes(MAX_PAYLOAD_BYTES + 1);
    if (body.length > MAX_PAYLOAD_BYTES) {
      return JsonReplies.message(response, callback, 413, "Request Entity Too Large");
    }
    APIGatewayV2HTTPResponse answer =
        functions
            .get()
            .http()
            .handleRequest(HttpApiEvents.toEvent(request, body, domainName.get()), null);
    if (answer == null) {
      return JsonReplies.message(response, callback, 500, "Internal Server Error");
    }
    return HttpApiEvents.reply(response, callback, answer);
  }
}
