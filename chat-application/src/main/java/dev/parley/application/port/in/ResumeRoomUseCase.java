package dev.parley.application.port.in;

/**
 * Returns what the caller missed in a room after a sequence, or the latest page with a {@code
 * limited} flag and a cursor when more than a page was missed.
 */
public interface ResumeRoomUseCase {
  Resume resumeRoom(ResumeRoomQuery query);
}
