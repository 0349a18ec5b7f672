package dev.parley.sample;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of the test's own, so that a test may stop and start it: the shared one
 * serves other people. Built from the Debian server binaries in {@code /usr/lib/postgresql/<v>/bin}
 * in a temporary directory, listening on a free loopback port. PostgreSQL refuses to run as root,
 * so under root the binaries run as the {@code postgres} OS user. Without the binaries (or that
 * user) the test is skipped with a message, except under {@code CI=true}, where it fails: CI must
 * never pass by running nothing.
 */
final class PrivatePostgres implements AutoCloseable {
  private static final Path INSTALLS = Path.of("/usr/lib/postgresql");
  private static final String OS_USER = "postgres";
  private static final long COMMAND_SECONDS = 60;

  private final Path bin;
  private final Path home;
  private final int port;
  private final boolean asRoot;

  private PrivatePostgres(Path bin, Path home, int port, boolean asRoot) {
    this.bin = bin;
    this.home = home;
    this.port = port;
    this.asRoot = asRoot;
  }

  /** Creates the cluster and starts it; the caller closes it, which also deletes its files. */
  static PrivatePostgres start() throws Exception {
    Path bin = binaries();
    boolean asRoot = "root".equals(System.getProperty("user.name"));
    if (asRoot && !osUserExists()) {
      unavailable("there is no '" + OS_USER + "' OS user to run PostgreSQL as (it refuses root)");
    }
    Path home = Files.createTempDirectory("parley-pg-");
    PrivatePostgres postgres = new PrivatePostgres(bin, home, freePort(), asRoot);
    try {
      if (asRoot) {
        postgres.handOver(home);
      }
      postgres.run(
          "initdb",
          "-D",
          postgres.data(),
          "-U",
          "postgres",
          "-A",
          "trust",
          "-E",
          "UTF8",
          "--no-sync");
      postgres.startServer();
      return postgres;
    } catch (Exception | AssertionError e) {
      postgres.close();
      throw e;
    }
  }

  /** A JDBC URL of the {@code postgres} database, as the {@code postgres} user. */
  String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
  }

  /** Starts the server again after {@link #stopFast()}, on the same port and data. */
  void startServer() throws Exception {
    run(
        "pg_ctl",
        "-D",
        data(),
        "-l",
        home.resolve("server.log").toString(),
        "-w",
        "-t",
        "30",
        "-o",
        "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off",
        "start");
  }

  /**
   * From now on {@code role} logs in over TCP with its password only (SCRAM), while every other
   * role is still trusted: the cluster is made with trust authentication, under which PostgreSQL
   * never refuses a password. Existing sessions are not affected.
   */
  void requirePasswordFor(String role) throws Exception {
    Path hba = home.resolve("data").resolve("pg_hba.conf");
    // The first matching line decides, so this one goes before the trust lines.
    Files.writeString(
        hba,
        "host all " + role + " 127.0.0.1/32 scram-sha-256\n" + Files.readString(hba),
        StandardCharsets.UTF_8);
    run("pg_ctl", "-D", data(), "reload");
  }

  /** {@code pg_ctl stop -m fast}: sessions are ended, transactions rolled back. */
  void stopFast() throws Exception {
    run("pg_ctl", "-D", data(), "-w", "-t", "30", "-m", "fast", "stop");
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url());
  }

  /** Stops the server if it runs and deletes its directory; never throws. */
  @Override
  public void close() {
    try {
      if (Files.exists(home.resolve("data").resolve("postmaster.pid"))) {
        run("pg_ctl", "-D", data(), "-w", "-t", "30", "-m", "immediate", "stop");
      }
    } catch (Exception | AssertionError e) {
      System.err.println("stopping the test's PostgreSQL failed: " + e);
    }
    try (Stream<Path> files = Files.walk(home)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("deleting " + home + " failed: " + e);
    }
  }

  private String data() {
    return home.resolve("data").toString();
  }

  private void run(String program, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    if (asRoot) {
      command.addAll(List.of("runuser", "-u", OS_USER, "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    Path output = Files.createTempFile("parley-pg-command-", ".log");
    try {
      // Output to a file, not a pipe: pg_ctl start leaves the server holding its descriptors.
      Process process =
          new ProcessBuilder(command)
              .directory(home.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(program + " did not finish within " + COMMAND_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(
            String.join(" ", command)
                + " exited with "
                + process.exitValue()
                + ": "
                + Files.readString(output, StandardCharsets.UTF_8)
                + serverLog());
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private String serverLog() {
    try {
      return "\nserver log: " + Files.readString(home.resolve("server.log"));
    } catch (IOException e) {
      return "";
    }
  }

  private void handOver(Path directory) throws IOException {
    UserPrincipalLookupService names = directory.getFileSystem().getUserPrincipalLookupService();
    UserPrincipal user = names.lookupPrincipalByName(OS_USER);
    GroupPrincipal group = names.lookupPrincipalByGroupName(OS_USER);
    PosixFileAttributeView view =
        Files.getFileAttributeView(directory, PosixFileAttributeView.class);
    view.setOwner(user);
    view.setGroup(group);
  }

  private static Path binaries() throws IOException {
    if (Files.isDirectory(INSTALLS)) {
      try (Stream<Path> versions = Files.list(INSTALLS)) {
        Path newest =
            versions
                .filter(v -> Files.isExecutable(v.resolve("bin").resolve("pg_ctl")))
                .filter(v -> Files.isExecutable(v.resolve("bin").resolve("initdb")))
                .max(Comparator.comparing(PrivatePostgres::major))
                .orElse(null);
        if (newest != null) {
          return newest.resolve("bin");
        }
      }
    }
    unavailable("no PostgreSQL server binaries (initdb, pg_ctl) in " + INSTALLS + "/<version>/bin");
    throw new AssertionError("unreachable");
  }

  private static int major(Path version) {
    try {
      return Integer.parseInt(version.getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean osUserExists() {
    try {
      FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void unavailable(String why) {
    String howTo =
        "No PostgreSQL of the test's own: "
            + why
            + ". Install Debian's postgresql package to run the fault suite.";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(howTo + " Under CI=true this is a failure, not a skip.");
    }
    Assumptions.abort(howTo);
  }
}
