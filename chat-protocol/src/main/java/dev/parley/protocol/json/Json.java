package dev.parley.protocol.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.parley.application.error.Violation;
import dev.parley.protocol.http.Problem;
import dev.parley.protocol.http.ProblemException;
import dev.parley.protocol.http.ProblemType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one JSON configuration of the protocol: strict on input (unknown fields, wrong types, string
 * numbers, duplicate keys and trailing garbage are errors, each reported as a field violation),
 * compact on output (nulls left out, instants as ISO-8601 strings).
 */
public final class Json {
  /**
   * Jackson's buffers are reused through this pool, not its default one: that one keeps them per
   * thread, and the servers run each request on a new virtual thread, so every read and write
   * allocated a fresh set (about 3 KB of the 16 KB a post allocated on the Fargate server). Beyond
   * this many sets in use at once, extra ones are simply dropped.
   */
  private static final int POOLED_BUFFER_SETS = 256;

  private static final int UTF8_CHECK_WINDOW = 1_024;

  private static final ObjectMapper MAPPER = build();

  /**
   * A reader per type, made once: {@code ObjectMapper.readValue} resolves the type and looks up its
   * deserializer again on every call.
   */
  private static final ClassValue<ObjectReader> READERS =
      new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
          return MAPPER.readerFor(type);
        }
      };

  private Json() {}

  /** The shared, thread-safe mapper. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper build() {
    JsonMapper mapper =
        JsonMapper.builder(
                JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.newBoundedPool(POOLED_BUFFER_SETS))
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(new SimpleModule().addSerializer(Instant.class, new IsoInstantSerializer()))
            .build();
    // No "" to null, no "12" to 12: a client sending the wrong type hears about it.
    mapper
        .coercionConfigDefaults()
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert)
        // ...and no 5 to "5": a number or boolean where text belongs is the client's mistake.
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Enum)
        .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
    // Request bodies are at most 1 MB; keep the parser's own limits well inside that.
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(1_048_576).build());
    return mapper;
  }

  /**
   * Reads a request body into {@code type}.
   *
   * @throws ProblemException malformed-request, with a violation naming the offending field
   */
  public static <T> T read(byte[] body, Class<T> type) {
    requireUtf8(body);
    try {
      T value = READERS.get(type).readValue(body);
      return nonNull(value);
    } catch (IOException e) {
      throw problem(e);
    }
  }

  /** Parses a document into a tree, for frames whose type is named inside them. */
  public static JsonNode readTree(byte[] body) {
    requireUtf8(body);
    try {
      return nonNull(MAPPER.readTree(body));
    } catch (IOException e) {
      throw problem(e);
    }
  }

  /** Converts a parsed tree into {@code type}, with the same error reporting as {@link #read}. */
  public static <T> T convert(JsonNode tree, Class<T> type) {
    try {
      return nonNull(MAPPER.treeToValue(tree, type));
    } catch (IOException e) {
      throw problem(e);
    } catch (IllegalArgumentException e) {
      throw malformed("", "has the wrong shape");
    }
  }

  /**
   * JSON on this API is UTF-8 (RFC 8259). Jackson would auto-detect UTF-16 and UTF-32, which start
   * with a zero byte among the first four (JSON text starts with an ASCII character), so refuse
   * those and a byte-order mark up front. Jackson's own UTF-8 decoding is lenient (it reads the
   * overlong {@code C0 AF} as '/', and encoded surrogates as characters), which would let a body
   * say something other than its bytes do, so the bytes are decoded strictly first.
   */
  private static void requireUtf8(byte[] body) {
    int n = Math.min(body.length, 4);
    for (int i = 0; i < n; i++) {
      if (body[i] == 0) {
        throw malformed("", "must be UTF-8 encoded JSON");
      }
    }
    if (body.length >= 2 && (body[0] & 0xFF) >= 0xFE && (body[1] & 0xFF) >= 0xFE) {
      throw malformed("", "must be UTF-8 encoded JSON");
    }
    if (!isStrictUtf8(body)) {
      throw malformed("", "is not valid UTF-8");
    }
  }

  /**
   * Whether {@code body} is well-formed UTF-8: no overlong forms, no encoded surrogates, nothing
   * above U+10FFFF, no truncated sequence. Decodes through a small window, so a large body costs no
   * copy of itself; an all-ASCII body is not decoded at all.
   */
  private static boolean isStrictUtf8(byte[] body) {
    int firstNonAscii = 0;
    while (firstNonAscii < body.length && body[firstNonAscii] >= 0) {
      firstNonAscii++;
    }
    if (firstNonAscii == body.length) {
      return true;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body, firstNonAscii, body.length - firstNonAscii);
    CharBuffer window = CharBuffer.allocate(UTF8_CHECK_WINDOW);
    while (true) {
      CoderResult result = decoder.decode(in, window, true);
      if (result.isError()) {
        return false;
      }
      window.clear();
      if (result.isUnderflow()) {
        return !decoder.flush(window).isError();
      }
    }
  }

  private static <T> T nonNull(T value) {
    if (value == null || value instanceof com.fasterxml.jackson.databind.node.MissingNode) {
      throw malformed("", "must be a JSON object");
    }
    return value;
  }

  private static ProblemException problem(IOException e) {
    return switch (e) {
      case UnrecognizedPropertyException u -> malformed(path(u), "is not a known field");
      case InvalidFormatException i -> malformed(path(i), wrongValue(i));
      case MismatchedInputException m -> malformed(path(m), mismatch(m));
      case InputCoercionException r -> malformed(currentField(r), "is a number out of range");
      case StreamReadException r when isDuplicate(r) ->
          malformed(currentField(r), "appears more than once");
      case StreamReadException r -> malformed("", syntax(r));
      case JsonProcessingException j -> malformed("", "is not valid JSON");
      default -> malformed("", "could not be read as UTF-8 JSON");
    };
  }

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      // Only our own records are written; failing here is a bug, not a client mistake.
      throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
    }
  }

  public static String writeString(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
    }
  }

  static ProblemException malformed(String field, String message) {
    return new ProblemException(
        new Problem(
            ProblemType.MALFORMED_REQUEST,
            field.isEmpty() ? "the body " + message : field + ": " + message,
            null,
            List.of(new Violation(field, message)),
            null));
  }

  /** The field being read when the parser gave up, if it knows. */
  private static String currentField(StreamReadException e) {
    try {
      if (e.getProcessor() instanceof JsonParser parser && parser.currentName() != null) {
        return parser.currentName();
      }
    } catch (IOException | RuntimeException ignored) {
      // The parser is past saving; report the body as a whole.
    }
    return "";
  }

  private static boolean isDuplicate(StreamReadException e) {
    return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field");
  }

  /** A short reason with a position, without the parser's internals. */
  private static String syntax(StreamReadException e) {
    String what =
        e.getOriginalMessage() != null && e.getOriginalMessage().contains("Invalid UTF-8")
            ? "is not valid UTF-8"
            : "is not valid JSON";
    if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      return what
          + " (line "
          + e.getLocation().getLineNr()
          + ", column "
          + e.getLocation().getColumnNr()
          + ")";
    }
    return what;
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String wrongValue(InvalidFormatException e) {
    Class<?> target = e.getTargetType();
    if (target != null && target.isEnum()) {
      return "must be one of "
          + Arrays.stream(target.getEnumConstants())
              .map(c -> c.toString().toLowerCase(Locale.ROOT))
              .toList();
    }
    return "has the wrong type; expected " + describe(target);
  }

  private static String mismatch(MismatchedInputException e) {
    Class<?> target = e.getTargetType();
    if (target == null) {
      return "has the wrong shape";
    }
    return "has the wrong type; expected " + describe(target);
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (List.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(c -> c.toString().toLowerCase(Locale.ROOT))
              .toList();
    }
    return "an object";
  }
}
