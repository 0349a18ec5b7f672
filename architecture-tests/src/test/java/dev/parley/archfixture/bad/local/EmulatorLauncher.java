package dev.parley.archfixture.bad.local;

/** Local tooling, which production code must not use. */
public final class EmulatorLauncher {
  private EmulatorLauncher() {}

  public static String endpoint() {
    return "http://127.0.0.1:8000";
  }
}
