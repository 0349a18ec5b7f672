package dev.parley.protocol.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.domain.access.Action;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.presence.PresenceStatus;
import dev.parley.domain.room.RoomType;
import dev.parley.protocol.ProtocolTestComponent;
import dev.parley.protocol.Tokens;
import dev.parley.protocol.http.ApiResponse;
import dev.parley.protocol.http.ProblemType;
import dev.parley.protocol.json.Json;
import dev.parley.testkit.adapter.ControllableClockAdapter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/openapi.yaml describes exactly the route table, and describes it completely. */
class OpenApiConsistencyTest {
  private static final Set<String> RUNTIME_PATHS = Set.of("/health/live", "/health/ready", "/ws");

  private final OpenApiDocument document = OpenApiDocument.load();
  private final RestApi api =
      ProtocolTestComponent.create(new ControllableClockAdapter()).restApi();

  /** The routes anyone may call, as {@code "METHOD /template"}. */
  private Set<String> openRoutes() {
    return api.routes().stream()
        .filter(route -> route.access() == Route.Access.OPEN)
        .map(Route::describe)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private Set<String> routeTable() {
    return api.routes().stream()
        .map(Route::describe)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void theDocumentDescribesExactlyTheRoutesOfTheTable() {
    OpenApiDocument.Comparison comparison =
        OpenApiDocument.compare(routeTable(), document.operations());

    assertThat(comparison.consistent()).as(comparison.describe()).isTrue();
    assertThat(document.operations()).hasSize(api.routes().size());
  }

  @Test
  void theComparisonReportsARouteAddedWithoutDocumentation() {
    List<String> routes = new ArrayList<>(routeTable());
    Route added = Route.of("POST", "/rooms/{roomId}/polls", call -> ApiResponse.noContent());
    routes.add(added.describe());

    OpenApiDocument.Comparison comparison = OpenApiDocument.compare(routes, document.operations());

    assertThat(comparison.consistent()).isFalse();
    assertThat(comparison.undocumented()).contains("POST /rooms/{roomId}/polls");
    assertThat(comparison.unrouted()).doesNotContain("POST /rooms/{roomId}/polls");
    assertThat(comparison.describe()).contains("POST /rooms/{roomId}/polls");
  }

  @Test
  void theComparisonReportsAnOperationDocumentedWithoutARoute() {
    Set<String> routes = routeTable();
    routes.remove("DELETE /rooms/{roomId}/messages/{messageId}/pin");

    OpenApiDocument.Comparison comparison = OpenApiDocument.compare(routes, document.operations());

    assertThat(comparison.consistent()).isFalse();
    assertThat(comparison.unrouted()).contains("DELETE /rooms/{roomId}/messages/{messageId}/pin");
    assertThat(comparison.undocumented())
        .doesNotContain("DELETE /rooms/{roomId}/messages/{messageId}/pin");
  }

  @Test
  void theComparisonOfSyntheticSetsFindsBothDirectionsAndTreatsMethodsAsPartOfTheKey() {
    OpenApiDocument.Comparison comparison =
        OpenApiDocument.compare(
            List.of("GET /a", "POST /a", "GET /b/{id}"),
            List.of("GET /a", "PUT /a", "GET /b/{id}"));

    assertThat(comparison.undocumented()).containsExactly("POST /a");
    assertThat(comparison.unrouted()).containsExactly("PUT /a");
    assertThat(OpenApiDocument.compare(List.of("GET /a"), List.of("GET /a")).consistent()).isTrue();
  }

  @Test
  void runtimeServedPathsAreMarkedAndLeftOutOfTheComparison() {
    assertThat(document.runtimePaths()).containsExactlyInAnyOrderElementsOf(RUNTIME_PATHS);
    assertThat(document.operations())
        .noneMatch(
            operation -> RUNTIME_PATHS.contains(operation.substring(operation.indexOf(' ') + 1)));
    RestClient client = new RestClient(api);
    for (String path : RUNTIME_PATHS) {
      assertThat(client.routeOf("GET", path)).as("route for %s", path).isNull();
    }
    for (String health : List.of("/health/live", "/health/ready")) {
      JsonNode security = document.operation("GET", health).path("security");
      assertThat(security.isArray() && security.isEmpty()).as("%s needs no token", health).isTrue();
    }
    assertThat(document.operation("GET", "/ws").path("description").asText())
        .contains("websocket-protocol.md");
  }

  @Test
  void theDocumentFinderWalksUpToTheRepositoryRoot(@TempDir Path temp) throws Exception {
    Path docs = Files.createDirectories(temp.resolve("docs"));
    Files.writeString(docs.resolve("openapi.yaml"), "openapi: 3.1.0\n");
    Path nested = Files.createDirectories(temp.resolve("module/src/test"));

    assertThat(OpenApiDocument.locate(nested)).isEqualTo(docs.resolve("openapi.yaml"));
    assertThat(document.file().toString()).endsWith(Path.of("docs", "openapi.yaml").toString());
  }

  @Test
  void everyPathParameterOfEveryRouteIsDeclaredAsARequiredPathParameter() {
    for (Route route : api.routes()) {
      String template = route.path().template();
      assertThat(document.parameterNames(route.method(), template, "path"))
          .as("path parameters of %s", route.describe())
          .containsExactlyInAnyOrderElementsOf(route.path().variables());
      for (JsonNode parameter : document.parameters(route.method(), template)) {
        if (parameter.path("in").asText().equals("path")) {
          assertThat(parameter.path("required").asBoolean())
              .as("%s of %s is required", parameter.path("name"), route.describe())
              .isTrue();
        }
      }
    }
  }

  @Test
  void everyOperationDeclares401AndASuccessStatusWithItsBody() {
    for (String operation : document.operations()) {
      String method = operation.substring(0, operation.indexOf(' '));
      String template = operation.substring(operation.indexOf(' ') + 1);
      Set<String> statuses = document.statuses(method, template);
      if (openRoutes().contains(operation)) {
        assertThat(statuses).as("responses of %s", operation).containsExactly("200");
        assertThat(document.response(method, template, 200).path("content").has("application/yaml"))
            .as("%s is YAML", operation)
            .isTrue();
        continue;
      }
      assertThat(statuses).as("responses of %s", operation).contains("401");
      List<String> successes = statuses.stream().filter(s -> s.startsWith("2")).toList();
      assertThat(successes).as("success statuses of %s", operation).isNotEmpty();
      for (String status : successes) {
        JsonNode response = document.response(method, template, Integer.parseInt(status));
        if (status.equals("204")) {
          assertThat(response.has("content")).as("204 of %s has no body", operation).isFalse();
        } else {
          assertThat(response.path("content").path("application/json").path("schema").isObject())
              .as("%s %s has a JSON schema", operation, status)
              .isTrue();
        }
        if (status.equals("201")) {
          assertThat(response.path("headers").has("Location"))
              .as("201 of %s has Location", operation)
              .isTrue();
        }
      }
      JsonNode unauthorized = document.response(method, template, 401);
      assertThat(unauthorized.path("headers").has("WWW-Authenticate")).isTrue();
    }
  }

  @Test
  void everyDocumentedProblemResponseIsAProblemDocumentWithItsHeaders() {
    for (String operation : document.operations()) {
      String method = operation.substring(0, operation.indexOf(' '));
      String template = operation.substring(operation.indexOf(' ') + 1);
      for (String status : document.statuses(method, template)) {
        if (status.startsWith("4") || status.startsWith("5")) {
          JsonNode response = document.response(method, template, Integer.parseInt(status));
          assertThat(
                  document.resolve(
                      response.path("content").path("application/problem+json").path("schema")))
              .as("%s %s is a Problem", operation, status)
              .isEqualTo(document.pointer("#/components/schemas/Problem"));
        }
      }
      if (document.statuses(method, template).contains("429")) {
        JsonNode headers = document.response(method, template, 429).path("headers");
        assertThat(headers.has("Retry-After")).isTrue();
        assertThat(headers.has("X-RateLimit-Limit")).isTrue();
        assertThat(headers.has("X-RateLimit-Remaining")).isTrue();
        assertThat(headers.has("X-RateLimit-Reset")).isTrue();
        // A limited route reports where the caller stands on success too, not only when refusing.
        assertThat(document.statuses(method, template))
            .as("a success of %s documents the X-RateLimit-* headers", operation)
            .anyMatch(
                status ->
                    status.startsWith("2")
                        && document
                            .response(method, template, Integer.parseInt(status))
                            .path("headers")
                            .has("X-RateLimit-Remaining"));
      }
      if (!openRoutes().contains(operation)) {
        assertThat(document.response(method, template, 503).path("headers").has("Retry-After"))
            .as("503 of %s with Retry-After", operation)
            .isTrue();
      }
    }
    JsonNode methodNotAllowed = document.pointer("#/components/responses/MethodNotAllowed");
    assertThat(methodNotAllowed.path("headers").has("Allow")).isTrue();
  }

  @Test
  void theBodyCheckRefusesWhatTheSchemaDoesNotDescribe() {
    ResponseSchemas schemas = ResponseSchemas.of(document);
    JsonNode unread =
        Json.readTree(
            "{\"rooms\":[],\"total\":0,\"mentionTotal\":0}".getBytes(StandardCharsets.UTF_8));
    JsonNode wrong =
        Json.readTree("{\"rooms\":[{}],\"total\":\"0\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(schemas.check("GET", "/me/unread", 200, unread)).isEmpty();
    assertThat(schemas.check("GET", "/me/unread", 200, wrong))
        .anySatisfy(error -> assertThat(error).contains("/rooms/0"))
        .anySatisfy(error -> assertThat(error).contains("/total"));
    assertThat(schemas.check("GET", "/me/unread", 404, unread)).isNotEmpty();
  }

  @Test
  void everyReferenceResolves() {
    List<String> refs = document.references();

    assertThat(refs).isNotEmpty();
    assertThat(refs).allSatisfy(ref -> assertThat(document.pointer(ref)).as(ref).isNotNull());
  }

  @Test
  void listingsDeclareTheirPagingParameters() {
    for (String operation : document.operations()) {
      String method = operation.substring(0, operation.indexOf(' '));
      String template = operation.substring(operation.indexOf(' ') + 1);
      JsonNode ok = document.response(method, template, 200);
      String schema =
          ok == null
              ? ""
              : ok.path("content").path("application/json").path("schema").path("$ref").asText();
      Set<String> query = document.parameterNames(method, template, "query");
      if (schema.endsWith("Page") || schema.endsWith("/History")) {
        assertThat(query).as("query of %s", operation).contains("cursor", "limit");
      } else {
        assertThat(query).as("query of %s", operation).doesNotContain("cursor", "limit");
      }
    }
    assertThat(document.parameterNames("GET", "/rooms/{roomId}/messages", "query"))
        .containsExactlyInAnyOrder("before", "after", "around", "cursor", "limit");
    JsonNode limit = document.pointer("#/components/parameters/Limit/schema");
    assertThat(limit.path("minimum").asInt()).isEqualTo(1);
    assertThat(limit.path("maximum").asInt()).isEqualTo(100);
    assertThat(limit.path("default").asInt()).isEqualTo(50);
  }

  /**
   * Asks each route itself whether it reads a body: an unknown field is reported by name only by
   * routes that parse one, and only routes that insist on a body refuse an empty one.
   */
  @Test
  void requestBodiesAreDocumentedExactlyForTheRoutesThatReadOne() {
    RestClient client = new RestClient(api);
    String token = Tokens.of("alice");
    for (Route route : api.routes()) {
      String target = route.path().template().replaceAll("\\{[^}]+}", "x");
      RestClient.Reply probe =
          client.send(
              route.method(),
              target,
              token,
              "application/json",
              "{\"probe_field\":1}".getBytes(StandardCharsets.UTF_8));
      boolean readsBody = probe.violationFields().contains("probe_field");
      JsonNode requestBody =
          document.resolve(
              document.operation(route.method(), route.path().template()).path("requestBody"));
      assertThat(requestBody.isObject())
          .as("%s reads a body (%s), so documents one", route.describe(), probe)
          .isEqualTo(readsBody);
      if (readsBody) {
        RestClient.Reply empty = client.send(route.method(), target, token, null, null);
        boolean required = "a JSON body is required".equals(empty.text("detail"));
        assertThat(requestBody.path("required").asBoolean(false))
            .as("%s requires its body (%s)", route.describe(), empty)
            .isEqualTo(required);
        JsonNode schema =
            document.resolve(requestBody.path("content").path("application/json").path("schema"));
        assertThat(schema.path("additionalProperties").asBoolean(true))
            .as("%s refuses unknown fields", route.describe())
            .isFalse();
        assertThat(document.statuses(route.method(), route.path().template()))
            .as("%s can answer 413 and 415", route.describe())
            .contains("413", "415");
      }
    }
  }

  @Test
  void problemTypesReasonsAndEnumsAreThoseOnTheWireInLowerCase() {
    assertThat(document.schemaEnum("ProblemType"))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(ProblemType.values()).map(ProblemType::uri).toList());
    assertThat(document.schemaEnum("DenialReason"))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(DenialReason.values()).map(DenialReason::code).toList());
    assertThat(document.schemaEnum("Role"))
        .containsExactlyInAnyOrderElementsOf(lower(Role.values()));
    assertThat(document.schemaEnum("RoomType"))
        .containsExactlyInAnyOrderElementsOf(lower(RoomType.values()));
    assertThat(document.schemaEnum("PresenceStatus"))
        .containsExactlyInAnyOrderElementsOf(lower(PresenceStatus.values()));
    assertThat(document.schemaEnum("Action"))
        .containsExactlyInAnyOrderElementsOf(lower(Action.values()));
  }

  @Test
  void theDocumentIsOpenApi31WithBearerJwtSecurityAndTheLocalServer() {
    JsonNode root = document.root();

    assertThat(root.path("openapi").asText()).startsWith("3.1.");
    assertThat(root.path("servers").get(0).path("url").asText()).isEqualTo("http://localhost:8080");
    JsonNode bearer = root.path("components").path("securitySchemes").path("bearerAuth");
    assertThat(bearer.path("type").asText()).isEqualTo("http");
    assertThat(bearer.path("scheme").asText()).isEqualTo("bearer");
    assertThat(bearer.path("bearerFormat").asText()).isEqualTo("JWT");
    assertThat(root.path("security").get(0).has("bearerAuth")).isTrue();
    assertThat(openRoutes()).containsExactlyInAnyOrder("GET /openapi.yaml", "GET /asyncapi.yaml");
    for (String operation : document.operations()) {
      JsonNode security = document.operation(operation).path("security");
      if (openRoutes().contains(operation)) {
        assertThat(security.isArray() && security.isEmpty()).as("%s is open", operation).isTrue();
      } else {
        // Only the documents are open: an operation may narrow security, never drop it.
        assertThat(security.isMissingNode()).as(operation).isTrue();
      }
    }
  }

  private static List<String> lower(Enum<?>[] values) {
    Set<String> names = new LinkedHashSet<>();
    for (Enum<?> value : values) {
      names.add(value.name().toLowerCase(Locale.ROOT));
    }
    return List.copyOf(names);
  }
}
