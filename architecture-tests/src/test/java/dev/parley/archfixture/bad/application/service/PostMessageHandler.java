package dev.parley.archfixture.bad.application.service;

import dev.parley.archfixture.bad.application.port.in.PostMessageCommand;
import dev.parley.archfixture.bad.application.port.in.PostMessageUseCase;
import dev.parley.archfixture.bad.application.port.out.Tuning;

/** Breaks: a use case implementation not named ...Service. */
public final class PostMessageHandler implements PostMessageUseCase {
  @Override
  public void postMessage(PostMessageCommand command) {}

  @Override
  public void deleteMessage(String messageId, Tuning tuning) {}
}
