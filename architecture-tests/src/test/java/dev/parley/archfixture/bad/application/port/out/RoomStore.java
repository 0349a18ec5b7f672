package dev.parley.archfixture.bad.application.port.out;

import dev.parley.archfixture.bad.application.port.in.PostMessageCommand;

/**
 * Breaks: an outbound port not named ...Port; and port.out uses port.in while port.in uses port.out
 * (a cycle inside the application).
 */
public interface RoomStore {
  void save(PostMessageCommand command);
}
