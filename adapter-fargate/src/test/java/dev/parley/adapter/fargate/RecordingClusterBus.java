package dev.parley.adapter.fargate;

import dev.parley.protocol.cluster.ClusterBus;
import dev.parley.protocol.cluster.ClusterMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A bus to nowhere that keeps what this node published and lets a test play another node. */
final class RecordingClusterBus implements ClusterBus {
  private final List<ClusterMessage> published = new CopyOnWriteArrayList<>();
  private volatile Consumer<ClusterMessage> receiver;

  @Override
  public void publish(ClusterMessage message) {
    published.add(message);
  }

  @Override
  public void start(Consumer<ClusterMessage> receiver) {
    if (this.receiver != null) {
      throw new IllegalStateException("started twice");
    }
    this.receiver = receiver;
  }

  @Override
  public void close() {
    receiver = null;
  }

  /** Hands {@code message} to this node as if another node had published it. */
  void arrive(ClusterMessage message) {
    receiver.accept(message);
  }

  List<ClusterMessage> published() {
    return List.copyOf(published);
  }
}
