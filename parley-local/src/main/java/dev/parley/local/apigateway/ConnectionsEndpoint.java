package dev.parley.local.apigateway;

import dev.parley.protocol.ws.WebSocketApi;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * The Management API's {@code @connections/{id}}, where the AWS SDK client posts: {@code POST}
 * sends the body to that WebSocket as a text frame, {@code DELETE} closes it, {@code GET} describes
 * it; an id that is not open is 410 {@code GoneException}. Requests are not signature-checked.
 */
final class ConnectionsEndpoint extends Handler.Abstract {
  /** The path of the connection with id {@code {id}} is this prefix and the URL-encoded id. */
  static final String PATH_PREFIX = "/" + ApiGatewayEmulator.STAGE + "/@connections/";

  private final LocalConnections connections;

  ConnectionsEndpoint(LocalConnections connections) {
    this.connections = connections;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = request.getHttpURI().getPath();
    if (!path.startsWith(PATH_PREFIX)) {
      return false;
    }
    String id = URLDecoder.decode(path.substring(PATH_PREFIX.length()), StandardCharsets.UTF_8);
    LocalConnection connection = connections.get(id);
    if (connection == null) {
      return JsonReplies.gone(response, callback);
    }
    return switch (request.getMethod()) {
      case "POST" -> post(request, response, callback, connection);
      case "DELETE" -> {
        connections.closed(connection);
        connection.close(StatusCode.NORMAL, "disconnected by the server");
        yield JsonReplies.write(response, callback, 204, null, "");
      }
      case "GET" ->
          JsonReplies.write(response, callback, 200, "application/json", describe(connection));
      default -> JsonReplies.message(response, callback, 405, "Method Not Allowed");
    };
  }

  private static boolean post(
      Request request, Response response, Callback callback, LocalConnection connection) {
    byte[] data;
    try {
      data = Request.asInputStream(request).readNBytes(WebSocketApi.MAX_FRAME_BYTES + 1);
    } catch (IOException e) {
      return JsonReplies.message(response, callback, 400, "bad body");
    }
    if (data.length > WebSocketApi.MAX_FRAME_BYTES) {
      response.getHeaders().put("x-amzn-ErrorType", "PayloadTooLargeException");
      return JsonReplies.message(response, callback, 413, "Payload too large");
    }
    if (!connection.send(new String(data, StandardCharsets.UTF_8))) {
      return JsonReplies.gone(response, callback);
    }
    return JsonReplies.write(response, callback, 200, null, "");
  }

  private static String describe(LocalConnection connection) {
    return "{\"connectedAt\":\""
        + Instant.ofEpochMilli(connection.connectedAt())
        + "\",\"identity\":{\"sourceIp\":\"127.0.0.1\"},\"lastActiveAt\":\""
        + Instant.now()
        + "\"}";
  }
}
