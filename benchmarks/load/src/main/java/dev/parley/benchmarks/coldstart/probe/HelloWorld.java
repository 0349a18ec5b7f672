package dev.parley.benchmarks.coldstart.probe;

/**
 * The baseline of the cold-start driver: a JVM that does nothing but reach {@code main} and report
 * it, on the same JDK, flags and machine as the probes. Its time is what any Java function pays
 * before its own code runs.
 */
public final class HelloWorld {
  private HelloWorld() {}

  public static void main(String[] args) {
    Stamps stamps = new Stamps(System.nanoTime());
    System.out.println("hello, world");
    stamps.print();
  }
}
