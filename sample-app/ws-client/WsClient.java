import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A minimal Parley WebSocket client that needs nothing but a JDK 21 or newer:
 *
 * <pre>
 * java sample-app/ws-client/WsClient.java TOKEN ROOM_ID [ws://localhost:8080/ws]
 * </pre>
 *
 * It subscribes to the room, prints every frame the server sends (one JSON object a line) and
 * posts each line typed on standard input as a message. Ctrl-D (end of input) or Ctrl-C quits.
 */
public class WsClient {
  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length > 3) {
      System.err.println(
          "usage: java sample-app/ws-client/WsClient.java TOKEN ROOM_ID [ws://localhost:8080/ws]");
      System.exit(2);
    }
    String token = args[0];
    String roomId = args[1];
    URI uri = URI.create(args.length == 3 ? args[2] : "ws://localhost:8080/ws");

    CompletableFuture<Void> closed = new CompletableFuture<>();
    WebSocket.Listener printer =
        new WebSocket.Listener() {
          private final StringBuilder frame = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            frame.append(data);
            if (last) {
              System.out.println(frame);
              frame.setLength(0);
            }
            ws.request(1);
            return null;
          }

          @Override
          public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            System.err.println("* connection closed: " + code + " " + reason);
            closed.complete(null);
            return null;
          }

          @Override
          public void onError(WebSocket ws, Throwable error) {
            System.err.println("* connection failed: " + error);
            closed.complete(null);
          }
        };

    WebSocket ws;
    try {
      ws =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .header("Authorization", "Bearer " + token)
              .buildAsync(uri, printer)
              .join();
    } catch (Exception e) {
      System.err.println("* cannot connect to " + uri + ": " + e.getCause());
      System.exit(1);
      return;
    }
    System.err.println("* connected to " + uri + "; type a line and press Enter to post it");
    Object lock = new Object();
    send(ws, lock, "{\"action\":\"subscribe\",\"requestId\":\"subscribe\",\"rooms\":[{\"roomId\":"
        + quote(roomId) + "}]}");

    // A heartbeat every 20 seconds keeps the connection (and the user's presence) alive.
    ScheduledExecutorService heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "heartbeat");
              t.setDaemon(true);
              return t;
            });
    heartbeat.scheduleAtFixedRate(
        () -> send(ws, lock, "{\"action\":\"ping\",\"active\":true}"), 20, 20, TimeUnit.SECONDS);

    Thread input =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  if (!line.isBlank()) {
                    send(
                        ws,
                        lock,
                        "{\"action\":\"postMessage\",\"requestId\":"
                            + quote("post-" + UUID.randomUUID())
                            + ",\"roomId\":"
                            + quote(roomId)
                            + ",\"text\":"
                            + quote(line)
                            + ",\"clientMessageId\":"
                            + quote(UUID.randomUUID().toString())
                            + "}");
                  }
                }
                synchronized (lock) {
                  ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
                }
              } catch (Exception e) {
                closed.complete(null);
              }
            },
            "stdin");
    input.setDaemon(true);
    input.start();
    closed.join();
    // Whatever is still buffered is gone with the connection.
    System.exit(0);
  }

  /** One frame at a time: the JDK's WebSocket refuses overlapping sends. */
  private static void send(WebSocket ws, Object lock, String frame) {
    synchronized (lock) {
      if (!ws.isOutputClosed()) {
        ws.sendText(frame, true).join();
      }
    }
  }

  /** A JSON string literal. */
  private static String quote(String value) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }
}
