package dev.parley.archfixture.bad.application.port.in;

/** Breaks: a use case named by a verb alone, not {@code <Verb><Noun>UseCase}. */
public interface PostUseCase {
  void post(String text);
}
