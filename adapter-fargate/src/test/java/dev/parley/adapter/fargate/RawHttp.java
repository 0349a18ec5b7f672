package dev.parley.adapter.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** HTTP written by hand on a socket, for requests that real clients would fix or refuse to send. */
final class RawHttp {
  private RawHttp() {}

  /** The status line, headers and body of one raw exchange. */
  record Raw(int status, String head, String body) {
    JsonNode problem() {
      assertThat(head.toLowerCase(java.util.Locale.ROOT))
          .as("content type of %s", head)
          .contains("content-type: application/problem+json");
      return Json.readTree(body.getBytes(StandardCharsets.UTF_8));
    }
  }

  static Raw exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) TestServer.TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      byte[] answer = readUntilClosedOrComplete(socket.getInputStream());
      String text = new String(answer, StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      String head = split < 0 ? text : text.substring(0, split);
      String body = split < 0 ? "" : text.substring(split + 4);
      String[] statusLine = head.split("\r\n", 2)[0].split(" ");
      return new Raw(Integer.parseInt(statusLine[1]), head, body);
    }
  }

  /**
   * Reads the head, then as many body bytes as Content-Length says (or until the server closes).
   */
  private static byte[] readUntilClosedOrComplete(InputStream in) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      read.write(buffer, 0, n);
      String text = read.toString(StandardCharsets.ISO_8859_1);
      int split = text.indexOf("\r\n\r\n");
      if (split >= 0) {
        java.util.regex.Matcher length =
            java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)")
                .matcher(text.substring(0, split));
        if (length.find() && read.size() - split - 4 >= Integer.parseInt(length.group(1))) {
          break;
        }
      }
    }
    return read.toByteArray();
  }
}
