package dev.parley.sample;

import java.io.PrintStream;
import java.util.Objects;

/**
 * The one place that writes to the terminal: the command line's answers (a token, the usage, the
 * banner with the server's URL) on standard output and its one-line errors on standard error.
 * Everything else logs through SLF4J.
 */
public final class Console {
  private final PrintStream out;
  private final PrintStream err;

  public Console(PrintStream out, PrintStream err) {
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
  }

  /** The process's standard output and standard error. */
  public static Console system() {
    return new Console(System.out, System.err);
  }

  /** A line of the answer, on standard output. */
  public void print(String line) {
    out.println(line);
    out.flush();
  }

  /** A line for the person at the terminal that is not the answer, on standard error. */
  public void note(String line) {
    err.println(line);
    err.flush();
  }

  /** A one-line error, on standard error; never a stack trace. */
  public void error(String message) {
    note("parley-sample: " + message.replace('\n', ' '));
  }
}
