package dev.parley.sample;

import dev.parley.adapter.dynamodb.DynamoDbLocalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where DynamoDB Local comes from for {@code --store=dynamodb-local}: the official emulator from
 * Maven Central, never installed by hand. The sample-app build writes a helper POM into {@code
 * target/dynamodb-local/}, next to the jar (and to the classes, for the tests); on first use this
 * runs it with the project's Maven Wrapper, which writes DynamoDB Local's classpath ({@code
 * classpath.txt}) and its sqlite4java native library ({@code native-libs/}) beside it. Later starts
 * reuse them until the POM changes. Its output goes to {@code server.log} in the same directory.
 */
final class DynamoDbLocalRuntime {
  /** The directory next to the jar (or to {@code target/classes}) that holds the helper POM. */
  static final String DIRECTORY = "dynamodb-local";

  /** The POM that classpath.txt was resolved from, to notice a changed one. */
  private static final String RESOLVED_POM = "resolved-pom.xml";

  private static final long MAVEN_TIMEOUT_MINUTES = 10;
  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbLocalRuntime.class);

  private final Path directory;

  DynamoDbLocalRuntime(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
  }

  /**
   * The helper next to where this code was loaded from: {@code sample-app/target/dynamodb-local}.
   */
  static DynamoDbLocalRuntime besideTheBuild() {
    CodeSource source = DynamoDbLocalRuntime.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      throw new IllegalStateException("cannot tell where the sample was loaded from");
    }
    try {
      Path location = Path.of(source.getLocation().toURI());
      return new DynamoDbLocalRuntime(location.toAbsolutePath().getParent().resolve(DIRECTORY));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "the sample was not loaded from a file (" + source.getLocation() + ")", e);
    }
  }

  Path directory() {
    return directory;
  }

  /** Resolves DynamoDB Local if needed, starts it and waits until it accepts connections. */
  DynamoDbLocalServer start() {
    resolve();
    return DynamoDbLocalServer.start(
        DynamoDbLocalServer.readClasspathFile(directory.resolve("classpath.txt")),
        directory.resolve("native-libs"),
        directory.resolve("server.log"));
  }

  /** Runs the helper POM unless its classpath and native library are there and up to date. */
  void resolve() {
    Path pom = directory.resolve("pom.xml");
    if (!Files.isRegularFile(pom)) {
      throw new IllegalStateException(
          "DynamoDB Local's helper POM is missing at "
              + pom
              + ": run the sample from the repository it was built in, after"
              + " ./mvnw -pl sample-app -am package");
    }
    if (isResolved(pom)) {
      return;
    }
    Path log = directory.resolve("resolve.log");
    String maven = mavenCommand(directory);
    LOG.info(
        "resolving DynamoDB Local with Maven (first run only; may download it): {} -f {}; log: {}",
        maven,
        pom,
        log);
    ProcessBuilder builder =
        new ProcessBuilder(maven, "-q", "-B", "-f", pom.toString(), "generate-resources")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // The wrapper runs Maven on JAVA_HOME: the JDK running this server, whatever the shell says.
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    try {
      Process process = builder.start();
      if (!process.waitFor(MAVEN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "Maven did not resolve DynamoDB Local within "
                + MAVEN_TIMEOUT_MINUTES
                + " minutes; see "
                + log);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "Maven could not resolve DynamoDB Local (exit "
                + process.exitValue()
                + "); see "
                + log);
      }
      Files.copy(pom, directory.resolve(RESOLVED_POM), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + maven + " to resolve DynamoDB Local", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while resolving DynamoDB Local", e);
    }
  }

  private boolean isResolved(Path pom) {
    Path classpath = directory.resolve("classpath.txt");
    Path nativeLibraries = directory.resolve("native-libs");
    try {
      if (!Files.isRegularFile(classpath) || !Files.isDirectory(nativeLibraries)) {
        return false;
      }
      try (Stream<Path> libraries = Files.list(nativeLibraries)) {
        if (libraries.findAny().isEmpty()) {
          return false;
        }
      }
      // Another POM (another DynamoDB Local version, say) resolves again.
      Path resolvedPom = directory.resolve(RESOLVED_POM);
      return Files.isRegularFile(resolvedPom)
          && Arrays.equals(Files.readAllBytes(resolvedPom), Files.readAllBytes(pom));
    } catch (IOException e) {
      return false;
    }
  }

  /** The Maven Wrapper of the repository the directory is in, else {@code mvn} on the PATH. */
  static String mavenCommand(Path from) {
    for (Path dir = from; dir != null; dir = dir.getParent()) {
      Path wrapper = dir.resolve("mvnw");
      if (Files.isRegularFile(wrapper) && Files.isExecutable(wrapper)) {
        return wrapper.toString();
      }
    }
    return "mvn";
  }
}
