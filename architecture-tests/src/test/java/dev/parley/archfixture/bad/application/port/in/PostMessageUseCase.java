package dev.parley.archfixture.bad.application.port.in;

import dev.parley.archfixture.bad.application.port.out.Tuning;

/** Breaks: two actions in one use case; and port.in uses port.out (the other half of a cycle). */
public interface PostMessageUseCase {
  void postMessage(PostMessageCommand command);

  void deleteMessage(String messageId, Tuning tuning);
}
