package dev.parley.archfixture.bad.adapter.fargate;

import dev.parley.archfixture.bad.application.port.in.PostMessageCommand;
import dev.parley.archfixture.bad.application.port.in.PostMessageUseCase;
import dev.parley.archfixture.bad.application.port.out.Tuning;

/** Breaks: a use case implemented in an adapter rather than in application.service. */
public final class PostMessageService implements PostMessageUseCase {
  @Override
  public void postMessage(PostMessageCommand command) {}

  @Override
  public void deleteMessage(String messageId, Tuning tuning) {}
}
