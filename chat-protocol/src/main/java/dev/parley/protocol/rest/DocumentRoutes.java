package dev.parley.protocol.rest;

import dev.parley.protocol.http.ApiResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serves the protocol's documents, {@code GET /openapi.yaml} and {@code GET /asyncapi.yaml},
 * without a token. They are copies of docs/*.yaml packaged by the build, so what a server serves is
 * what its code was tested against.
 */
public final class DocumentRoutes {
  /** RFC 9512's media type for YAML. */
  public static final String YAML = "application/yaml";

  private static final String PACKAGED = "/dev/parley/protocol/docs/";

  @Inject
  public DocumentRoutes() {}

  public List<Route> routes() {
    return List.of(document("openapi.yaml"), document("asyncapi.yaml"));
  }

  /**
   * Read on the first request, not when the route table is built: the documents are about 100 kB
   * that a Lambda cold start would otherwise read from the jar for nothing. Nothing writes the
   * array an answer carries, so every answer shares it.
   */
  private static Route document(String name) {
    Supplier<byte[]> body = memoized(() -> read(name));
    return Route.open(
        "GET", "/" + name, call -> new ApiResponse(200, Map.of("Content-Type", YAML), body.get()));
  }

  private static Supplier<byte[]> memoized(Supplier<byte[]> reader) {
    return new Supplier<>() {
      private volatile byte[] value;

      @Override
      public byte[] get() {
        byte[] read = value;
        if (read == null) {
          read = reader.get();
          value = read;
        }
        return read;
      }
    };
  }

  private static byte[] read(String name) {
    try (InputStream in = DocumentRoutes.class.getResourceAsStream(PACKAGED + name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not packaged at " + PACKAGED);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the packaged " + name, e);
    }
  }
}
