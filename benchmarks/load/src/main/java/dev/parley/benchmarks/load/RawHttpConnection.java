package dev.parley.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One keep-alive HTTP/1.1 connection sending the same pre-encoded request again and again, over a
 * blocking socket: what a load generator such as wrk does, at a small fraction of the CPU that
 * {@code java.net.http.HttpClient} spends per request (on 2 cores the client's CPU is taken from
 * the server). It reads each answer whole (status line, headers, a {@code Content-Length} body) and
 * reconnects when the server closes or asks to close; anything it cannot parse is an error.
 */
final class RawHttpConnection implements AutoCloseable {
  private static final int MAX_HEADER_BYTES = 16 * 1024;

  private final InetSocketAddress address;
  private final byte[] request;
  private final int timeoutMillis;
  private final byte[] line = new byte[MAX_HEADER_BYTES];
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  /** Connects lazily, on the first {@link #exchange()}. */
  RawHttpConnection(URI uri, String method, String[][] headers, byte[] body, Duration timeout) {
    this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
    this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(uri.getRawPath()).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
    for (String[] header : headers) {
      head.append(header[0]).append(": ").append(header[1]).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
    this.request = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(body, 0, request, headBytes.length, body.length);
  }

  /**
   * Sends the request and reads the whole answer; returns its status code.
   *
   * @throws IOException when the connection fails, times out, or the answer is not understood (the
   *     connection is then closed; the next exchange opens a new one)
   */
  int exchange() throws IOException {
    if (socket == null) {
      connect();
    }
    try {
      out.write(request);
      out.flush();
      return readResponse();
    } catch (IOException | RuntimeException e) {
      close();
      throw e instanceof IOException io ? io : new IOException(e);
    }
  }

  private void connect() throws IOException {
    Socket opened = new Socket();
    try {
      opened.setTcpNoDelay(true);
      opened.setSoTimeout(timeoutMillis);
      opened.connect(address, timeoutMillis);
      out = opened.getOutputStream();
      in = new BufferedInputStream(opened.getInputStream(), 16 * 1024);
      socket = opened;
    } catch (IOException e) {
      opened.close();
      throw e;
    }
  }

  private int readResponse() throws IOException {
    int length = readLine();
    // "HTTP/1.1 201 Created"
    if (length < 12 || line[8] != ' ') {
      throw new IOException("not an HTTP/1.1 status line: " + text(length));
    }
    int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
    long contentLength = -1;
    boolean closeAfter = false;
    while ((length = readLine()) > 0) {
      if (startsWithIgnoreCase(length, "content-length:")) {
        contentLength = Long.parseLong(text(length).substring(15).strip());
      } else if (startsWithIgnoreCase(length, "connection:")) {
        closeAfter = text(length).substring(11).strip().equalsIgnoreCase("close");
      } else if (startsWithIgnoreCase(length, "transfer-encoding:")) {
        throw new IOException("chunked answers are not supported: " + text(length));
      }
    }
    if (contentLength < 0 && status != 204 && status != 304) {
      throw new IOException("an answer without Content-Length (status " + status + ")");
    }
    for (long left = Math.max(0, contentLength); left > 0; ) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("connection closed in the middle of a body");
        }
        skipped = 1;
      }
      left -= skipped;
    }
    if (closeAfter) {
      close();
    }
    return status;
  }

  /** Reads one CRLF-terminated line into {@link #line}; returns its length without the CRLF. */
  private int readLine() throws IOException {
    int length = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed by the server");
      }
      if (b == '\n') {
        return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
      }
      if (length == line.length) {
        throw new IOException("a header line longer than " + MAX_HEADER_BYTES + " bytes");
      }
      line[length++] = (byte) b;
    }
  }

  private boolean startsWithIgnoreCase(int length, String prefix) {
    if (length < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (Character.toLowerCase(line[i]) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private String text(int length) {
    return new String(line, 0, length, StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    Socket open = socket;
    socket = null;
    if (open != null) {
      try {
        open.close();
      } catch (IOException e) {
        // already broken; nothing to do
      }
    }
  }
}
