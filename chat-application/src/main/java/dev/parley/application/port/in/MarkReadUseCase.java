package dev.parley.application.port.in;

/**
 * Moves the caller's read marker forward to a sequence (clamped to the latest); never backwards.
 */
public interface MarkReadUseCase {
  ReadMarker markRead(MarkReadCommand command);
}
