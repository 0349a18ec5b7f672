package dev.parley.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's commands start with {@code ./mvnw} and {@code bin/java}, which pick a JDK 21 or
 * newer themselves ({@code bin/pick-jdk.sh}) instead of trusting JAVA_HOME or the default {@code
 * java}. Each case puts a fake JDK 17 (a {@code release} file and two executables that fail) where
 * a careless script would take it, and the JDK running this test (21 or newer: the build requires
 * it) later on PATH, where the picker must find it.
 */
class JdkPickerTest {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Path THIS_JDK = realPath(Path.of(System.getProperty("java.home")));

  @TempDir Path temp;
  private Path oldJdk;

  @BeforeEach
  void fakeOldJdk() throws IOException {
    oldJdk = temp.resolve("jdk-17");
    Files.createDirectories(oldJdk.resolve("bin"));
    Files.writeString(oldJdk.resolve("release"), "JAVA_VERSION=\"17.0.2\"\n");
    for (String tool : List.of("java", "javac")) {
      Path exe = oldJdk.resolve("bin").resolve(tool);
      Files.writeString(exe, "#!/bin/sh\necho 'the old JDK ran' >&2\nexit 3\n");
      Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void binJavaSkipsAnOldJavaHomeAndSaysSo() throws Exception {
    String output = binJavaSettings(Map.of("JAVA_HOME", oldJdk.toString(), "PATH", path()));

    assertThat(output)
        .contains("java.home = " + THIS_JDK)
        .contains("JAVA_HOME (" + oldJdk + ") is not a JDK 21 or newer; using " + THIS_JDK)
        .doesNotContain("the old JDK ran");
  }

  @Test
  void binJavaSkipsAnOldJavaFirstOnPath() throws Exception {
    String output = binJavaSettings(Map.of("PATH", path()));

    assertThat(output).contains("java.home = " + THIS_JDK).doesNotContain("the old JDK ran");
  }

  @Test
  void binJavaKeepsAJavaHomeThatIsRecentEnough() throws Exception {
    String output = binJavaSettings(Map.of("JAVA_HOME", THIS_JDK.toString(), "PATH", path()));

    assertThat(output)
        .contains("java.home = " + THIS_JDK)
        .doesNotContain("is not a JDK 21 or newer");
  }

  @Test
  void mavenWrapperBuildsWithTheJdkItPicked() throws Exception {
    Result result = run(Map.of("JAVA_HOME", oldJdk.toString(), "PATH", path()), "mvnw", "-v");

    assertThat(result.status()).as(result.output()).isZero();
    assertThat(result.output()).contains("runtime: " + THIS_JDK).doesNotContain("the old JDK ran");
  }

  /**
   * What {@code bin/java -XshowSettings:properties -version} prints (the chosen JVM's {@code
   * java.home} among it) in {@code env}; it must exit with 0.
   */
  private String binJavaSettings(Map<String, String> env) throws Exception {
    Result result = run(env, "bin/java", "-XshowSettings:properties", "-version");
    assertThat(result.status()).as(result.output()).isZero();
    return result.output();
  }

  /** The old JDK's bin first, then this JDK's, then the system's (sh, sed, readlink). */
  private String path() {
    return String.join(
        ":",
        oldJdk.resolve("bin").toString(),
        THIS_JDK.resolve("bin").toString(),
        "/usr/bin",
        "/bin");
  }

  /** The picker resolves symlinks, and the JVM reports its home resolved as well. */
  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Result(int status, String output) {}

  private Result run(Map<String, String> env, String script, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("sh", REPOSITORY.resolve(script).toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(REPOSITORY.toFile());
    builder.environment().clear();
    builder.environment().put("HOME", System.getProperty("user.home"));
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished within 60 s").isTrue();
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
