package dev.parley.application.port.in;

/**
 * Lists a room's threads (roots with at least one reply), latest reply first, for whoever may read
 * its history.
 */
public interface ListThreadsUseCase {
  Page<ThreadView> listThreads(ListThreadsQuery query);
}
