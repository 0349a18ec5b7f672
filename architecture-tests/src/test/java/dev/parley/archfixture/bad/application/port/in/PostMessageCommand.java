package dev.parley.archfixture.bad.application.port.in;

/** Breaks: a command that is a mutable class, not a record. */
public final class PostMessageCommand {
  private String text;

  public String text() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
