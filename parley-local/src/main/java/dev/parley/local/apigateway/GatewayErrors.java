package dev.parley.local.apigateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers by itself (a malformed request line, headers too large, a request no
 * handler took, an exception) as API Gateway words its own: {@code {"message":"..."}} in JSON,
 * never an HTML page, a stack trace or a Java class name.
 */
final class GatewayErrors extends ErrorHandler {
  GatewayErrors() {
    setShowStacks(false);
    setShowCauses(false);
    setShowMessageInTitle(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status =
        request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
    // API Gateway serves HTTP/1.1 (and 2) only and refuses any other request line as a bad request:
    // Jetty's 505 for an unknown version is not an answer the gateway gives.
    int answered = status == 505 ? 400 : status >= 400 && status < 600 ? status : 500;
    byte[] body = JsonReplies.messageBody(message(answered)).getBytes(StandardCharsets.UTF_8);
    response.setStatus(answered);
    response.getHeaders().put("Content-Type", "application/json");
    response.getHeaders().put("Content-Length", body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  /** API Gateway's wording for the statuses it answers itself; 5xx it reports as 500. */
  static String message(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 413 -> "Request Entity Too Large";
      case 414 -> "Request-URI Too Long";
      case 429 -> "Too Many Requests";
      case 431 -> "Request Header Fields Too Large";
      case 503 -> "Service Unavailable";
      default -> status < 500 ? "Bad Request" : "Internal Server Error";
    };
  }
}
