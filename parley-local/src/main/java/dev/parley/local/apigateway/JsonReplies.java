package dev.parley.local.apigateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;

/** The answers API Gateway itself gives, without a function: small JSON bodies. */
final class JsonReplies {
  private JsonReplies() {}

  /**
   * Writes a whole answer; returns true, which a Jetty handler returns to say it took the request.
   */
  static boolean write(
      Response response, Callback callback, int status, String contentType, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    if (contentType != null) {
      response.getHeaders().put("Content-Type", contentType);
    }
    response.getHeaders().put("Content-Length", bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
    return true;
  }

  static boolean message(Response response, Callback callback, int status, String message) {
    return write(response, callback, status, "application/json", messageBody(message));
  }

  /** API Gateway's own error body; the messages are fixed words, nothing to escape. */
  static String messageBody(String message) {
    return "{\"message\":\"" + message + "\"}";
  }

  /** What the AWS SDK maps to {@code GoneException}: the connection is not (or no longer) open. */
  static boolean gone(Response response, Callback callback) {
    response.getHeaders().put("x-amzn-ErrorType", "GoneException");
    return message(response, callback, 410, "GoneException");
  }

  /** Refuses a WebSocket upgrade; returns null, which Jetty's upgrade mapping takes as refused. */
  static Object refuse(ServerUpgradeResponse response, Callback callback, int status, String body) {
    write(response, callback, status, "application/json", body);
    return null;
  }
}
