package dev.parley.adapter.fargate;

import dev.parley.protocol.http.ApiResponse;
import dev.parley.protocol.http.Problem;
import dev.parley.protocol.http.ProblemType;
import dev.parley.protocol.json.ProblemResponse;
import java.nio.ByteBuffer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers by itself (a request refused while draining, a malformed request line,
 * headers too large) in the same {@code application/problem+json} shape as the API's own, instead
 * of an HTML page. Never shows a stack trace.
 */
final class ProblemErrorHandler extends ErrorHandler {
  /** Seconds a client should wait before retrying a node that is draining. */
  static final String RETRY_AFTER_SECONDS = "5";

  ProblemErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
    setShowMessageInTitle(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status =
        request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
    ProblemType type = typeOf(status);
    Problem problem = Problem.of(type, detail(type));
    if (type.status() == 503) {
      problem = problem.withHeader("Retry-After", RETRY_AFTER_SECONDS);
    }
    ApiResponse answer = ProblemResponse.of(problem, null);
    response.setStatus(answer.status());
    answer.headers().forEach(response.getHeaders()::put);
    response.write(true, ByteBuffer.wrap(answer.body()), callback);
    return true;
  }

  static ProblemType typeOf(int status) {
    return switch (status) {
      case 404 -> ProblemType.NOT_FOUND;
      case 405 -> ProblemType.METHOD_NOT_ALLOWED;
      case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
      case 414 -> ProblemType.URI_TOO_LONG;
      case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
      case 417 -> ProblemType.EXPECTATION_FAILED;
      case 431 -> ProblemType.HEADERS_TOO_LARGE;
      case 503 -> ProblemType.UNAVAILABLE;
      case 505 -> ProblemType.HTTP_VERSION_NOT_SUPPORTED;
      default ->
          status >= 400 && status < 500 ? ProblemType.MALFORMED_REQUEST : ProblemType.INTERNAL;
    };
  }

  private static String detail(ProblemType type) {
    return switch (type) {
      case UNAVAILABLE -> "this node is not serving (shutting down or not ready); retry";
      case MALFORMED_REQUEST -> "the HTTP request could not be read";
      case HTTP_VERSION_NOT_SUPPORTED -> "only HTTP/1.0 and HTTP/1.1 are served";
      case EXPECTATION_FAILED -> "only Expect: 100-continue is supported";
      case INTERNAL -> "an unexpected error occurred";
      default -> type.title();
    };
  }
}
