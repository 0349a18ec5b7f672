package dev.parley.archfixture.bad.application.port.out;

/** Breaks: a class in port.out that is not a record. */
public final class Tuning {
  private final int permits;

  public Tuning(int permits) {
    this.permits = permits;
  }

  public int permits() {
    return permits;
  }
}
