package dev.parley.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per request: java.net.http refuses to send most of
 * what the bad-input suite needs (malformed escapes, raw bytes in paths, broken request lines,
 * arbitrary methods and headers).
 */
final class RawHttp {
  private static final int TIMEOUT_MILLIS = 10_000;

  private final String host;
  private final int port;

  RawHttp(URI base) {
    this.host = base.getHost();
    this.port = base.getPort();
  }

  /** What came back; headers keyed in lower case. */
  record Response(int status, Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String contentType() {
      return headers.getOrDefault("content-type", "");
    }
  }

  /**
   * Sends {@code head} (request line and headers, each line ended by CRLF, without the blank line),
   * then {@code Connection: close}, the body's length and the body.
   */
  Response send(byte[] head, byte[] body) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.write(head);
      String trailer = "Host: " + host + ":" + port + "\r\nConnection: close\r\n";
      if (body != null) {
        trailer += "Content-Length: " + body.length + "\r\n";
      }
      request.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(request.toByteArray());
      if (body != null) {
        try {
          out.write(body);
        } catch (IOException refusedMidBody) {
          // A server may answer (413) and close before an oversized body is all written.
        }
      }
      out.flush();
      return read(socket.getInputStream());
    }
  }

  private static Response read(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    if (end < 0) {
      throw new IOException(
          "no complete response head in "
              + all.length
              + " bytes: "
              + new String(all, StandardCharsets.ISO_8859_1));
    }
    String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    int status = Integer.parseInt(statusLine[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Response(status, headers, body);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOf(chunked, at, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
      if (lineEnd < 0) {
        break;
      }
      String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int length = Integer.parseInt(size.split(";")[0].trim(), 16);
      if (length == 0) {
        break;
      }
      out.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
      at = lineEnd + 2 + length + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] needle) {
    return indexOf(data, 0, needle);
  }

  private static int indexOf(byte[] data, int from, byte[] needle) {
    outer:
    for (int i = from; i <= data.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Header lines for a request: the request line, then each header. */
  static byte[] head(String method, byte[] target, String version, List<String> headers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(method.getBytes(StandardCharsets.ISO_8859_1));
    out.write(' ');
    out.writeBytes(target);
    if (!version.isEmpty()) {
      out.write(' ');
      out.writeBytes(version.getBytes(StandardCharsets.ISO_8859_1));
    }
    out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    for (String header : new ArrayList<>(headers)) {
      out.writeBytes((header + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
