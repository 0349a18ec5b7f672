package dev.parley.deploy.lambda;

import dev.parley.local.dynamodb.DynamoDbLocal;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The string constants of Parley's production classes on the test class path: this module's and its
 * runtime dependencies', which are what parley-lambda.jar holds, without the test classes and the
 * test-only parley-local. Read from the class files' constant pools, so a name counts wherever the
 * code keeps it: a {@code static final} constant, or a literal passed to {@code environment.get}.
 */
final class DeployedCode {
  private static final String PACKAGE = "dev/parley/";

  private DeployedCode() {}

  static Set<String> stringConstants() {
    Set<Path> excluded = Set.of(codeSource(DeployedCode.class), codeSource(DynamoDbLocal.class));
    Set<String> constants = new TreeSet<>();
    try {
      for (URL url : Collections.list(loader().getResources(PACKAGE))) {
        Path root = root(url);
        if (excluded.contains(root)) {
          continue;
        }
        if (Files.isDirectory(root)) {
          scanDirectory(root, constants);
        } else {
          scanJar(root, constants);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (constants.isEmpty()) {
      throw new IllegalStateException("no production classes of Parley on the class path");
    }
    return constants;
  }

  /**
   * The {@code CONSTANT_String} entries of a class file (JVMS 4.4): the string literals and
   * constant values its code and fields hold, not the names of its members and types.
   */
  static Set<String> stringConstants(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] strings = new int[count];
    int found = 0;
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 8 -> strings[found++] = in.readUnsignedShort();
        case 7, 16, 19, 20 -> in.skipBytes(2);
        case 15 -> in.skipBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
        case 5, 6 -> {
          in.skipBytes(8);
          i++; // a long or a double takes two entries
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    Set<String> constants = new TreeSet<>();
    for (int i = 0; i < found; i++) {
      constants.add(utf8[strings[i]]);
    }
    return constants;
  }

  private static void scanDirectory(Path root, Set<String> constants) throws IOException {
    try (Stream<Path> files = Files.walk(root.resolve(PACKAGE))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        constants.addAll(stringConstants(Files.readAllBytes(file)));
      }
    }
  }

  private static void scanJar(Path jar, Set<String> constants) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      for (var entry : Collections.list(file.entries())) {
        if (entry.getName().startsWith(PACKAGE) && entry.getName().endsWith(".class")) {
          try (InputStream in = file.getInputStream(entry)) {
            constants.addAll(stringConstants(in.readAllBytes()));
          }
        }
      }
    }
  }

  /** The directory or jar on the class path that holds {@code url} ({@code .../dev/parley/}). */
  private static Path root(URL url) {
    try {
      return switch (url.getProtocol()) {
        case "file" -> Path.of(url.toURI()).getParent().getParent();
        case "jar" -> {
          String file = url.getPath();
          yield Path.of(URI.create(file.substring(0, file.indexOf("!/"))));
        }
        default -> throw new IllegalStateException("class path entry not read: " + url);
      };
    } catch (URISyntaxException e) {
      throw new IllegalStateException(url.toString(), e);
    }
  }

  private static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(type.getName(), e);
    }
  }

  private static ClassLoader loader() {
    return DeployedCode.class.getClassLoader();
  }
}
