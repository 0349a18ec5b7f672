package dev.parley.protocol.cluster;

import java.util.function.Consumer;

/**
 * Carries {@link ClusterMessage}s between the nodes of one deployment, best effort: a message that
 * is lost costs its recipients live events, which clients recover by resuming by sequence (the
 * store is the truth). A node never receives its own messages back. Implementations are
 * thread-safe.
 */
public interface ClusterBus extends AutoCloseable {

  /** A single node: nothing to tell, nothing to hear. */
  ClusterBus NONE =
      new ClusterBus() {
        @Override
        public void publish(ClusterMessage message) {
          // No other node.
        }

        @Override
        public void start(Consumer<ClusterMessage> receiver) {
          // No other node.
        }

        @Override
        public void close() {
          // Holds nothing.
        }

        @Override
        public String toString() {
          return "ClusterBus.NONE";
        }
      };

  /** Hands {@code message} to every other node; never throws on a transport failure. */
  void publish(ClusterMessage message);

  /**
   * Starts handing the other nodes' messages to {@code receiver}, on a thread of the bus; called
   * once. The receiver must not block for long: it holds up every later message.
   */
  void start(Consumer<ClusterMessage> receiver);

  /** Stops receiving and releases the transport; idempotent. */
  @Override
  void close();
}
