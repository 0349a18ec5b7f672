package dev.parley.benchmarks.coldstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Classes loaded by one probe run, per library and per phase, from the JVM's own log: {@code
 * -Xlog:class+load:file=PATH:tn} writes one line per class with the {@code timenanos} decorator,
 * which is the value {@code System.nanoTime()} had at that moment, so each class falls into the
 * phase between two of the probe's stamps. "From CDS" counts the classes mapped from a
 * class-data-sharing archive (the JDK's own, or an AppCDS one) rather than parsed from a jar.
 */
final class ClassCensus {
  /** The libraries, by package prefix; the first that matches counts. */
  static final List<Library> LIBRARIES =
      List.of(
          new Library("dev.parley", List.of("dev.parley.")),
          new Library("Jackson", List.of("com.fasterxml.jackson.")),
          new Library(
              "Hibernate Validator + Jakarta Validation",
              List.of(
                  "org.hibernate.validator.",
                  "jakarta.validation.",
                  "org.jboss.logging.",
                  "com.fasterxml.classmate.")),
          new Library("AWS SDK v2", List.of("software.amazon.awssdk.", "org.reactivestreams.")),
          new Library("Lambda core + events", List.of("com.amazonaws.services.lambda.")),
          new Library("nimbus-jose-jwt", List.of("com.nimbusds.")),
          new Library("pgjdbc + HikariCP", List.of("org.postgresql.", "com.zaxxer.hikari.")),
          new Library("Flyway", List.of("org.flywaydb.")),
          new Library(
              "Dagger + jakarta.inject", List.of("dagger.", "jakarta.inject.", "javax.inject.")),
          new Library("SLF4J + its binding", List.of("org.slf4j.", "ch.qos.logback.")),
          new Library("CRaC", List.of("org.crac.")),
          new Library(
              "JDK",
              List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.xml.", "org.w3c.")),
          new Library("other", List.of("")));

  /** A library and the package prefixes of its classes. */
  record Library(String name, List<String> prefixes) {
    boolean owns(String className) {
      for (String prefix : prefixes) {
        if (className.startsWith(prefix)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Classes per library ({@code counts[library][phase]}) and from a CDS archive ({@code
   * fromCds[phase]}); phase 0 is JVM start-up (before the first stamp), phase i the time up to
   * stamp i of {@code phases}, and the last column anything after the last stamp.
   */
  record Census(List<String> phases, int[][] counts, int[] fromCds) {
    int total(int phase) {
      int total = 0;
      for (int[] library : counts) {
        total += library[phase];
      }
      return total;
    }
  }

  private ClassCensus() {}

  /** Counts the classes of {@code log} for a run with absolute stamps {@code phaseNanos}. */
  static Census count(Path log, List<String> phases, long[] phaseNanos) {
    int columns = phases.size() + 1;
    int[][] counts = new int[LIBRARIES.size()][columns];
    int[] fromCds = new int[columns];
    List<String> lines;
    try {
      lines = Files.readAllLines(log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the class-load log " + log, e);
    }
    for (String line : lines) {
      // [969138399921ns] java.lang.Object source: shared objects file
      int close = line.indexOf("ns] ");
      if (!line.startsWith("[") || close < 0) {
        continue;
      }
      long at = Long.parseLong(line.substring(1, close));
      String rest = line.substring(close + 4);
      int space = rest.indexOf(' ');
      String className = space < 0 ? rest : rest.substring(0, space);
      int phase = 0;
      while (phase < phaseNanos.length && at > phaseNanos[phase]) {
        phase++;
      }
      for (int i = 0; i < LIBRARIES.size(); i++) {
        if (LIBRARIES.get(i).owns(className)) {
          counts[i][phase]++;
          break;
        }
      }
      if (rest.contains("source: shared objects file")) {
        fromCds[phase]++;
      }
    }
    return new Census(phases, counts, fromCds);
  }

  /** The census as a markdown table, rows per library, columns per phase. */
  static void render(StringBuilder out, String scenario, Census counts) {
    out.append("Classes loaded by ").append(scenario);
    out.append(" (one run with `-Xlog:class+load`, so not a timed one), per phase:\n\n");
    // Column i holds the classes loaded up to stamp i: "→ main" is the JVM's own start-up.
    out.append("| library |");
    for (String phase : counts.phases()) {
      out.append(" → ").append(phase).append(" |");
    }
    out.append(" after | total |\n|---|");
    out.append("---|".repeat(counts.phases().size() + 2)).append('\n');
    int columns = counts.phases().size() + 1;
    for (int i = 0; i < LIBRARIES.size(); i++) {
      int[] row = counts.counts()[i];
      int total = 0;
      for (int n : row) {
        total += n;
      }
      if (total == 0) {
        continue;
      }
      out.append("| ").append(LIBRARIES.get(i).name());
      for (int n : row) {
        out.append(" | ").append(n);
      }
      out.append(" | ").append(total).append(" |\n");
    }
    int all = 0;
    int cds = 0;
    out.append("| **all**");
    for (int phase = 0; phase < columns; phase++) {
      out.append(" | **").append(counts.total(phase)).append("**");
      all += counts.total(phase);
    }
    out.append(" | **").append(all).append("** |\n| of which from a CDS archive");
    for (int phase = 0; phase < columns; phase++) {
      out.append(" | ").append(counts.fromCds()[phase]);
      cds += counts.fromCds()[phase];
    }
    out.append(" | ").append(cds).append(" |\n\n");
  }
}
