package dev.parley.protocol.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.http.ApiRequest;
import dev.parley.protocol.http.ApiResponse;
import dev.parley.protocol.http.ProblemException;
import dev.parley.protocol.http.ProblemType;
import dev.parley.protocol.json.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls a {@link RestApi} the way a runtime does (no HTTP), and checks every answer on the way:
 * never a 500, problems are well-formed RFC 9457 documents, and the status is one the OpenAPI
 * document declares for the matched route, with a body that its schema there accepts. It remembers
 * which routes answered with a 2xx.
 */
public final class RestClient {
  private static final AtomicLong REQUEST_IDS = new AtomicLong();

  private final RestApi api;
  private final OpenApiDocument document;
  private final Map<String, Set<Integer>> successes = new TreeMap<>();
  private final ResponseSchemas schemas;

  public RestClient(RestApi api) {
    this.api = api;
    this.document = OpenApiDocument.load();
    this.schemas = ResponseSchemas.of(document);
  }

  /**
   * An answer: the response, its body parsed as JSON (null when empty), and the outcome it came in.
   */
  public record Reply(ApiResponse response, JsonNode json, RestOutcome outcome) {
    public int status() {
      return response.status();
    }

    public String header(String name) {
      return response.headers().get(name);
    }

    /** The problem's type code (such as {@code not-found}), or null for a success. */
    public String problemType() {
      if (json == null || !json.has("type")) {
        return null;
      }
      String type = json.get("type").asText();
      return type.startsWith(ProblemType.BASE) ? type.substring(ProblemType.BASE.length()) : type;
    }

    /** The fields of the problem's violations, in order. */
    public List<String> violationFields() {
      List<String> fields = new ArrayList<>();
      if (json == null) {
        return fields;
      }
      for (JsonNode violation : json.path("violations")) {
        fields.add(violation.path("field").asText());
      }
      return fields;
    }

    public String text(String field) {
      return json.path(field).asText();
    }

    @Override
    public String toString() {
      return status() + " " + response.headers() + " " + response.bodyAsString();
    }
  }

  public Reply get(String target, String token) {
    return send("GET", target, token, null, null);
  }

  public Reply delete(String target, String token) {
    return send("DELETE", target, token, null, null);
  }

  /** A request with a JSON body (or none, when {@code json} is null). */
  public Reply json(String method, String target, String token, String json) {
    return json == null
        ? send(method, target, token, null, null)
        : send(method, target, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends a request.
   *
   * @param target the raw path, still percent-encoded, with an optional {@code ?query}
   * @param token a bearer token, or null for no Authorization header
   * @param contentType the Content-Type header, or null for none
   */
  public Reply send(String method, String target, String token, String contentType, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (token != null) {
      headers.put("authorization", "Bearer " + token);
    }
    if (contentType != null) {
      headers.put("content-type", contentType);
    }
    return send(method, target, headers, body);
  }

  /** Sends a request with the given headers (lower-case names). */
  public Reply send(String method, String target, Map<String, String> headers, byte[] body) {
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    Map<String, List<String>> query =
        question < 0 ? Map.of() : query(target.substring(question + 1));
    RestOutcome outcome =
        api.handle(
            new ApiRequest(
                method, path, query, headers, body, null, "test-" + REQUEST_IDS.incrementAndGet()));
    ApiResponse response = outcome.response();
    Reply reply = new Reply(response, parse(response), outcome);
    check(method, path, reply);
    return reply;
  }

  /** The routes (as {@code "METHOD /template"}) that answered with a 2xx, with their statuses. */
  public Map<String, Set<Integer>> successes() {
    return successes;
  }

  /** The route {@code method} and {@code rawPath} match, or null. */
  public Route routeOf(String method, String rawPath) {
    List<String> segments = PathTemplate.split(rawPath);
    for (Route route : api.routes()) {
      try {
        if (route.method().equals(method) && route.path().match(segments) != null) {
          return route;
        }
      } catch (ProblemException malformedEscape) {
        return null;
      }
    }
    return null;
  }

  private void check(String method, String path, Reply reply) {
    ApiResponse response = reply.response();
    assertThat(response.status())
        .as("status of %s %s: %s", method, path, reply)
        .isNotEqualTo(ProblemType.INTERNAL.status());
    assertThat(reply.outcome().fault()).as("fault of %s %s", method, path).isNull();
    if (response.status() >= 400) {
      assertThat(response.headers().get("Content-Type")).isEqualTo(ApiResponse.PROBLEM_JSON);
      JsonNode problem = reply.json();
      ProblemType type =
          Arrays.stream(ProblemType.values())
              .filter(t -> t.uri().equals(problem.path("type").asText()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("unknown problem type in " + reply));
      assertThat(type.status()).as("problem status of %s", reply).isEqualTo(response.status());
      assertThat(problem.path("status").asInt()).isEqualTo(response.status());
      assertThat(problem.path("title").asText()).isEqualTo(type.title());
      assertThat(problem.path("detail").asText()).isNotBlank();
      assertThat(problem.path("instance").asText()).startsWith("urn:parley:request:test-");
    } else if (response.status() == 204) {
      assertThat(response.body()).isEmpty();
    } else if (routeAccess(method, path) == Route.Access.OPEN) {
      assertThat(response.headers().get("Content-Type")).isEqualTo(DocumentRoutes.YAML);
    } else {
      assertThat(response.headers().get("Content-Type")).isEqualTo(ApiResponse.JSON);
    }
    Route route = routeOf(method, path);
    if (route != null) {
      String described = route.describe();
      assertThat(document.statuses(route.method(), route.path().template()))
          .as("statuses documented for %s (answered %s)", described, reply)
          .contains(Integer.toString(response.status()));
      if (reply.json() != null) {
        List<String> errors =
            schemas.check(route.method(), route.path().template(), response.status(), reply.json());
        assertThat(errors)
            .as("body of %s %s against the documented schema: %s", method, path, reply)
            .isEmpty();
      }
      if (response.status() < 300) {
        successes.computeIfAbsent(described, k -> new TreeSet<>()).add(response.status());
      }
    }
  }

  private Route.Access routeAccess(String method, String path) {
    Route route = routeOf(method, path);
    return route == null ? null : route.access();
  }

  /** The body as JSON, or null when it is empty or not JSON (the documents are YAML). */
  private static JsonNode parse(ApiResponse response) {
    String type = response.headers().getOrDefault("Content-Type", "");
    return response.body().length == 0 || !type.contains("json")
        ? null
        : Json.readTree(response.body());
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return query;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
