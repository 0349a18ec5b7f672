package dev.parley.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Many WebSocket client connections (RFC 6455) served by one selector thread, for the fan-out
 * driver. {@code java.net.http.WebSocket} hands every received message from its selector thread to
 * an executor, which on this 2-core machine cost the driver about 38 µs of CPU per message: at
 * 20,000 messages a second, most of a core taken from the server it measures, and queueing in the
 * client counted as delivery latency. Here the selector thread reads, parses and hands each text
 * message to its {@link Handler} itself, and the receive time is taken right after the read.
 *
 * <p>Only what the driver needs: text frames (fragmented ones reassembled), ping answered with
 * pong, close answered and reported; the handshake is a blocking HTTP/1.1 upgrade with the {@code
 * Sec-WebSocket-Accept} check. Frames the client sends are masked, as the RFC requires.
 */
final class RawWebSockets implements AutoCloseable {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final int MAX_HEADER_BYTES = 16 * 1024;
  private static final int INITIAL_BUFFER = 16 * 1024;
  private static final int MAX_FRAME = 1024 * 1024;

  /** What a connection reports; all calls but {@link #onOpen} come on the selector thread. */
  interface Handler {
    void onOpen(Connection connection);

    void onText(Connection connection, String text, long receivedNanos);

    void onClose(Connection connection, int code, String reason);

    void onError(Connection connection, Throwable error);
  }

  private final Selector selector;
  private final Queue<Connection> pending = new ConcurrentLinkedQueue<>();
  private final Thread loop;
  private volatile boolean running = true;

  RawWebSockets() throws IOException {
    this.selector = Selector.open();
    this.loop = Thread.ofPlatform().name("raw-websockets").daemon().start(this::run);
  }

  /**
   * Connects and upgrades (blocking, on the calling thread), then hands the connection to the
   * selector thread; {@code handler.onOpen} runs before this returns.
   */
  Connection connect(URI uri, String authorization, Duration timeout, Handler handler)
      throws IOException {
    SocketChannel channel = SocketChannel.open();
    try {
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel
          .socket()
          .connect(
              new InetSocketAddress(uri.getHost(), uri.getPort()),
              Math.toIntExact(timeout.toMillis()));
      channel.socket().setSoTimeout(Math.toIntExact(timeout.toMillis()));
      byte[] nonce = new byte[16];
      ThreadLocalRandom.current().nextBytes(nonce);
      String key = Base64.getEncoder().encodeToString(nonce);
      String request =
          "GET "
              + uri.getRawPath()
              + " HTTP/1.1\r\nHost: "
              + uri.getHost()
              + ':'
              + uri.getPort()
              + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
              + key
              + "\r\nSec-WebSocket-Version: 13\r\nAuthorization: "
              + authorization
              + "\r\n\r\n";
      channel.socket().getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      ByteBuffer in = ByteBuffer.allocate(INITIAL_BUFFER);
      String head = readHead(channel, in);
      if (!head.startsWith("HTTP/1.1 101")) {
        throw new IOException("upgrade refused: " + head.lines().findFirst().orElse(""));
      }
      String accept = accept(key);
      if (head.lines()
          .noneMatch(line -> line.equalsIgnoreCase("Sec-WebSocket-Accept: " + accept))) {
        throw new IOException("wrong Sec-WebSocket-Accept in: " + head);
      }
      channel.configureBlocking(false);
      Connection connection = new Connection(channel, in, handler);
      handler.onOpen(connection);
      pending.add(connection);
      selector.wakeup();
      return connection;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    running = false;
    selector.wakeup();
    try {
      loop.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (SelectionKey key : selector.keys()) {
      key.channel().close();
    }
    selector.close();
  }

  private void run() {
    try {
      while (running) {
        selector.select(100);
        for (Connection added; (added = pending.poll()) != null; ) {
          added.start(added.channel.register(selector, SelectionKey.OP_READ, added));
        }
        Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
        while (ready.hasNext()) {
          SelectionKey key = ready.next();
          ready.remove();
          Connection connection = (Connection) key.attachment();
          connection.readable(key);
        }
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("raw WebSocket selector failed: " + e);
    }
  }

  /** Reads the upgrade answer's head; bytes after it stay in {@code in} (in write mode). */
  private static String readHead(SocketChannel channel, ByteBuffer in) throws IOException {
    var stream = channel.socket().getInputStream();
    byte[] bytes = in.array();
    int length = 0;
    while (true) {
      int read = stream.read(bytes, length, Math.min(bytes.length, MAX_HEADER_BYTES) - length);
      if (read < 0) {
        throw new IOException("closed during the upgrade");
      }
      length += read;
      for (int i = 3; i < length; i++) {
        if (bytes[i - 3] == '\r'
            && bytes[i - 2] == '\n'
            && bytes[i - 1] == '\r'
            && bytes[i] == '\n') {
          String head = new String(bytes, 0, i - 3, StandardCharsets.ISO_8859_1);
          // Keep what came after the head (frames already sent) at the buffer's start.
          in.position(length);
          in.flip();
          in.position(i + 1);
          in.compact();
          return head;
        }
      }
      if (length == MAX_HEADER_BYTES) {
        throw new IOException("upgrade answer head over " + MAX_HEADER_BYTES + " bytes");
      }
    }
  }

  private static String accept(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One client connection. {@link #sendText} may be called from any thread. */
  static final class Connection {
    private final SocketChannel channel;
    private final Handler handler;
    private final ByteArrayOutputStream fragments = new ByteArrayOutputStream();
    private ByteBuffer in;
    private boolean fragmented;
    private volatile boolean closed;

    private Connection(SocketChannel channel, ByteBuffer in, Handler handler) {
      this.channel = channel;
      this.in = in;
      this.handler = handler;
    }

    boolean isOpen() {
      return !closed;
    }

    void sendText(String text) throws IOException {
      send(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    void sendClose(int code, String reason) throws IOException {
      byte[] why = reason.getBytes(StandardCharsets.UTF_8);
      byte[] payload = new byte[2 + why.length];
      payload[0] = (byte) (code >>> 8);
      payload[1] = (byte) code;
      System.arraycopy(why, 0, payload, 2, why.length);
      send(0x8, payload);
    }

    /** One masked, final frame. */
    private void send(int opcode, byte[] payload) throws IOException {
      int extra = payload.length < 126 ? 0 : payload.length < 65_536 ? 2 : 8;
      ByteBuffer frame = ByteBuffer.allocate(2 + extra + 4 + payload.length);
      frame.put((byte) (0x80 | opcode));
      if (extra == 0) {
        frame.put((byte) (0x80 | payload.length));
      } else if (extra == 2) {
        frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
      } else {
        frame.put((byte) (0x80 | 127)).putLong(payload.length);
      }
      byte[] mask = new byte[4];
      ThreadLocalRandom.current().nextBytes(mask);
      frame.put(mask);
      for (int i = 0; i < payload.length; i++) {
        frame.put((byte) (payload[i] ^ mask[i & 3]));
      }
      frame.flip();
      synchronized (this) {
        // Small frames on a non-blocking socket: a full send buffer is the only reason to loop.
        for (int spins = 0; frame.hasRemaining(); spins++) {
          if (spins > 1_000_000) {
            throw new IOException("send buffer full for too long");
          }
          if (channel.write(frame) == 0) {
            Thread.onSpinWait();
          }
        }
      }
    }

    /** Handles the frames that came in with the upgrade answer. */
    private void start(SelectionKey key) {
      try {
        drain(System.nanoTime());
      } catch (IOException | RuntimeException e) {
        handler.onError(this, e);
        finish(key, 1006, e.toString());
      }
    }

    private void readable(SelectionKey key) {
      try {
        int read;
        while ((read = channel.read(in)) > 0) {
          drain(System.nanoTime());
          if (!in.hasRemaining()) {
            grow();
          }
        }
        if (read < 0) {
          finish(key, 1006, "connection lost");
        }
      } catch (IOException | RuntimeException e) {
        if (!closed) {
          handler.onError(this, e);
        }
        finish(key, 1006, e.toString());
      }
    }

    /** Handles every whole frame in {@code in}, then leaves it in write mode again. */
    private void drain(long receivedNanos) throws IOException {
      in.flip();
      while (in.remaining() >= 2) {
        int start = in.position();
        int b0 = in.get(start) & 0xff;
        int b1 = in.get(start + 1) & 0xff;
        long length = b1 & 0x7f;
        int header = 2;
        if (length == 126) {
          if (in.remaining() < 4) {
            break;
          }
          length = in.getShort(start + 2) & 0xffff;
          header = 4;
        } else if (length == 127) {
          if (in.remaining() < 10) {
            break;
          }
          length = in.getLong(start + 2);
          header = 10;
        }
        if ((b1 & 0x80) != 0) {
          throw new IOException("the server masked a frame");
        }
        if (length > MAX_FRAME) {
          throw new IOException("frame of " + length + " bytes");
        }
        if (in.remaining() < header + length) {
          if (header + length > in.capacity()) {
            in.compact();
            grow();
            in.flip();
          }
          break;
        }
        byte[] payload = new byte[(int) length];
        in.position(start + header);
        in.get(payload);
        frame(b0, payload, receivedNanos);
      }
      in.compact();
    }

    private void frame(int b0, byte[] payload, long receivedNanos) throws IOException {
      boolean fin = (b0 & 0x80) != 0;
      int opcode = b0 & 0x0f;
      switch (opcode) {
        case 0x1, 0x0 -> {
          if (opcode == 0x1 && fin && !fragmented) {
            handler.onText(this, new String(payload, StandardCharsets.UTF_8), receivedNanos);
            return;
          }
          fragmented = true;
          fragments.writeBytes(payload);
          if (fin) {
            fragmented = false;
            String text = fragments.toString(StandardCharsets.UTF_8);
            fragments.reset();
            handler.onText(this, text, receivedNanos);
          }
        }
        case 0x9 -> send(0xA, payload);
        case 0xA -> {
          // A pong: this client sends no pings of the protocol's control kind.
        }
        case 0x8 -> {
          int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
          String reason =
              payload.length > 2
                  ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8)
                  : "";
          if (!closed) {
            closed = true;
            handler.onClose(this, code, reason);
            send(0x8, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
          }
          channel.close();
        }
        default -> throw new IOException("unknown opcode " + opcode);
      }
    }

    private void grow() {
      ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
      in.flip();
      bigger.put(in);
      in = bigger;
    }

    private void finish(SelectionKey key, int code, String reason) {
      key.cancel();
      try {
        channel.close();
      } catch (IOException ignored) {
        // Already broken; nothing more to tell.
      }
      if (!closed) {
        closed = true;
        handler.onClose(this, code, reason);
      }
    }
  }
}
