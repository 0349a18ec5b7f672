package dev.parley.deploy.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The deployment artifact as built: the jar that every function of both templates deploys (their
 * CodeUri), read after {@code package}. Its classes are loaded by a class loader of their own whose
 * parent is the platform class loader, so nothing on the test class path can stand in for a class
 * the jar lacks. Running the handlers is {@link LambdaArtifactRequestsIT}'s part.
 */
class LambdaArtifactIT {
  /** The budget for the deployment artifact. */
  private static final long MAX_BYTES = 20_000_000;

  /**
   * What has no business on Lambda: the server's stack, and HTTP clients besides the JDK's. (The
   * PostgreSQL driver, HikariCP and Flyway are wanted: the PostgreSQL deployment's functions and
   * its migration function run them.)
   */
  private static final Map<String, String> UNWANTED =
      Map.ofEntries(
          Map.entry("org/eclipse/jetty/", "Jetty"),
          Map.entry("ch/qos/logback/", "logback"),
          Map.entry("com/amazonaws/services/dynamodbv2/local/", "DynamoDB Local"),
          Map.entry("io/netty/", "Netty"),
          Map.entry("org/apache/http/", "Apache HttpClient 4"),
          Map.entry("org/apache/hc/", "Apache HttpClient 5"),
          Map.entry("software/amazon/awssdk/http/apache", "the SDK's Apache clients"),
          Map.entry("software/amazon/awssdk/http/nio/", "the SDK's Netty client"));

  private static final String SLF4J_PROVIDERS =
      "META-INF/services/org.slf4j.spi.SLF4JServiceProvider";

  /** The built jar, which must be there: an IT that skips would pass without an artifact. */
  static Path jar() {
    Path jar = SamTemplate.codeUri();
    assertThat(jar).as("%s, built by ./mvnw -pl sample-app package", jar).isRegularFile();
    return jar;
  }

  @Test
  void theJarIsUnderTwentyMegabytesWithoutTheServersStackOrAnotherHttpClient() throws IOException {
    Path jar = jar();
    assertThat(Files.size(jar)).as("bytes in %s", jar).isLessThan(MAX_BYTES);
    List<String> unwanted = new ArrayList<>();
    for (String entry : entries(jar)) {
      UNWANTED.forEach(
          (prefix, what) -> {
            if (entry.startsWith(prefix)) {
              unwanted.add(what + ": " + entry);
            }
          });
    }
    assertThat(unwanted).as("classes the handlers never load").isEmpty();
  }

  @Test
  void theJarLogsThroughSlf4jSimpleAlone() throws IOException {
    try (JarFile jar = new JarFile(jar().toFile())) {
      ZipEntry providers = jar.getEntry(SLF4J_PROVIDERS);
      assertThat(providers).as(SLF4J_PROVIDERS).isNotNull();
      String names =
          new String(jar.getInputStream(providers).readAllBytes(), StandardCharsets.UTF_8);
      assertThat(names.strip()).isEqualTo("org.slf4j.simple.SimpleServiceProvider");
      assertThat(jar.getEntry("simplelogger.properties")).isNotNull();
      assertThat(jar.getEntry("logback.xml")).isNull();
    }
  }

  /**
   * What the runtime needs of a handler class: public, concrete, a public no-argument constructor
   * and {@code handleRequest(event, Context)}; and every type its JSON binding meets in the event
   * and the response, which the runtime binds by reflection before the first invocation. For the
   * handlers of both templates.
   */
  @Test
  void everyHandlerOfTheTemplatesLoadsFromTheJarWithTheTypesOfItsEvents() throws Exception {
    List<String> handlers = new ArrayList<>(SamTemplate.handlerClasses());
    handlers.addAll(SamTemplate.postgres().handlerClasses());
    assertThat(handlers).isNotEmpty();
    try (URLClassLoader loader = isolated()) {
      for (String name : handlers) {
        Class<?> handler = Class.forName(name, false, loader);
        assertThat(handler.getClassLoader()).as(name).isSameAs(loader);
        int modifiers = handler.getModifiers();
        assertThat(Modifier.isPublic(modifiers) && !Modifier.isAbstract(modifiers))
            .as(name)
            .isTrue();
        assertThat(handler.getEnclosingClass() == null || Modifier.isStatic(modifiers))
            .as("%s is a static nested class", name)
            .isTrue();
        Constructor<?> constructor = handler.getConstructor();
        assertThat(Modifier.isPublic(constructor.getModifiers())).as(name).isTrue();
        if (isStreamHandler(handler)) {
          // handleRequest(InputStream, OutputStream, Context): the runtime binds no JSON for it.
          continue;
        }
        Method handleRequest = handleRequest(handler);
        Set<Class<?>> bound = new HashSet<>();
        resolveBoundTypes(handleRequest.getGenericParameterTypes()[0], loader, bound);
        resolveBoundTypes(handleRequest.getGenericReturnType(), loader, bound);
        boolean jdkTypesOnly =
            handleRequest.getParameterTypes()[0].getName().startsWith("java.")
                && handleRequest.getReturnType().getName().startsWith("java.");
        // A scheduled function takes and returns maps: nothing of the jar to bind.
        assertThat(bound.isEmpty())
            .as("event and response types of %s bind classes of the jar", name)
            .isEqualTo(jdkTypesOnly);
      }
    }
  }

  /**
   * Every class of ours in the jar loads, and so does every type in its fields' and methods'
   * signatures: a dependency left out of the jar fails here by name. Types used only inside method
   * bodies resolve when the code runs: {@link LambdaArtifactRequestsIT} runs it.
   */
  @Test
  void everyParleyClassInTheJarLinksAgainstTheJarAlone() throws Exception {
    List<String> classes =
        entries(jar()).stream()
            .filter(e -> e.startsWith("dev/parley/") && e.endsWith(".class"))
            .filter(e -> !e.endsWith("package-info.class"))
            .map(e -> e.substring(0, e.length() - ".class".length()).replace('/', '.'))
            .toList();
    assertThat(classes).containsAll(SamTemplate.handlerClasses());
    List<String> broken = new ArrayList<>();
    try (URLClassLoader loader = isolated()) {
      for (String name : classes) {
        try {
          Class<?> type = Class.forName(name, false, loader);
          type.getDeclaredFields();
          type.getDeclaredMethods();
          type.getDeclaredConstructors();
        } catch (ClassNotFoundException | LinkageError e) {
          broken.add(name + ": " + e);
        }
      }
    }
    assertThat(broken).as("classes of %s that do not link", classes.size()).isEmpty();
  }

  private static boolean isStreamHandler(Class<?> handler) {
    return Arrays.stream(handler.getInterfaces())
        .anyMatch(
            type ->
                type.getName()
                    .equals("com.amazonaws.services.lambda.runtime.RequestStreamHandler"));
  }

  private static Method handleRequest(Class<?> handler) {
    List<Method> methods =
        Arrays.stream(handler.getMethods())
            .filter(m -> m.getName().equals("handleRequest") && !m.isBridge())
            .filter(m -> m.getParameterCount() == 2)
            .filter(
                m ->
                    m.getParameterTypes()[1]
                        .getName()
                        .equals("com.amazonaws.services.lambda.runtime.Context"))
            .toList();
    assertThat(methods).as("handleRequest(event, Context) of %s", handler.getName()).hasSize(1);
    return methods.get(0);
  }

  /**
   * Walks a type of an event or response through its fields and accessors, resolving each: a class
   * the jar lacks throws here. Stops at classes that do not come from the jar (the JDK's).
   */
  private static void resolveBoundTypes(Type type, ClassLoader jar, Set<Class<?>> seen) {
    switch (type) {
      case Class<?> c when c.isArray() -> resolveBoundTypes(c.getComponentType(), jar, seen);
      case Class<?> c -> {
        if (c.getClassLoader() != jar || !seen.add(c)) {
          return;
        }
        for (Field field : c.getDeclaredFields()) {
          resolveBoundTypes(field.getGenericType(), jar, seen);
        }
        for (Method method : c.getDeclaredMethods()) {
          resolveBoundTypes(method.getGenericReturnType(), jar, seen);
          for (Type parameter : method.getGenericParameterTypes()) {
            resolveBoundTypes(parameter, jar, seen);
          }
        }
        if (c.getSuperclass() != null) {
          resolveBoundTypes(c.getSuperclass(), jar, seen);
        }
      }
      case ParameterizedType p -> {
        resolveBoundTypes(p.getRawType(), jar, seen);
        for (Type argument : p.getActualTypeArguments()) {
          resolveBoundTypes(argument, jar, seen);
        }
      }
      case GenericArrayType a -> resolveBoundTypes(a.getGenericComponentType(), jar, seen);
      case WildcardType w -> {
        for (Type bound : w.getUpperBounds()) {
          resolveBoundTypes(bound, jar, seen);
        }
      }
      default -> {
        // A type variable: its bounds are in the signature that declares it, resolved there.
      }
    }
  }

  private static URLClassLoader isolated() throws IOException {
    return new URLClassLoader(
        "parley-lambda", new URL[] {jar().toUri().toURL()}, ClassLoader.getPlatformClassLoader());
  }

  private static List<String> entries(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().map(ZipEntry::getName).toList();
    }
  }
}
