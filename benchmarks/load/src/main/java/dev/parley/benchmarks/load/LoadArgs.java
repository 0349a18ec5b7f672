package dev.parley.benchmarks.load;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --name value} command-line options with defaults; an unknown name is an error. Shared by
 * the load drivers and the cold-start driver.
 */
public final class LoadArgs {
  private final Map<String, String> values;

  private LoadArgs(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Parses {@code args} against {@code defaults} (every option must have one).
   *
   * @throws IllegalArgumentException for an unknown option or a missing value
   */
  public static LoadArgs parse(String[] args, Map<String, String> defaults) {
    Map<String, String> values = new TreeMap<>(defaults);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || !defaults.containsKey(arg.substring(2))) {
        throw new IllegalArgumentException("unknown option " + arg + "; options: " + defaults);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(arg + " needs a value");
      }
      values.put(arg.substring(2), args[++i]);
    }
    return new LoadArgs(values);
  }

  public String string(String name) {
    return values.get(name);
  }

  public int integer(String name, int min, int max) {
    int value = Integer.parseInt(values.get(name));
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "--" + name + " must be from " + min + " to " + max + ", was " + value);
    }
    return value;
  }

  /** All options with their values, for the report header. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    values.forEach((name, value) -> text.append(" --").append(name).append(' ').append(value));
    return text.toString().strip();
  }
}
