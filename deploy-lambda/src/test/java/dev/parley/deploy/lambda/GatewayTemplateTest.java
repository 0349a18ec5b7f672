package dev.parley.deploy.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.auth.Scope;
import dev.parley.protocol.rest.Route;
import dev.parley.protocol.rest.RouteScopes;
import dev.parley.protocol.ws.WebSocketApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Both SAM templates' API Gateway resources are those {@link GatewayTemplate} writes from the
 * code's route tables, and say what the issue of per-route authorization asks: no route but the
 * documents is reachable without a token, every route has its scope, moderation needs the moderate
 * scope.
 */
class GatewayTemplateTest {
  private static final List<Path> TEMPLATES = List.of(SamTemplate.PATH, SamTemplate.POSTGRES_PATH);

  @Test
  void eachTemplateHoldsTheGeneratedRegionAsTheCodeWritesIt() throws IOException {
    String expected = GatewayTemplate.region();
    boolean regenerate = Boolean.getBoolean("parley.regenerate");
    for (Path path : TEMPLATES) {
      String text = Files.readString(path, StandardCharsets.UTF_8);
      int begin = text.indexOf(GatewayTemplate.BEGIN);
      int end = text.indexOf(GatewayTemplate.END);
      assertThat(begin).as("%s has the generated region's first line", path).isNotNegative();
      assertThat(end).as("%s has the generated region's last line", path).isGreaterThan(begin);
      int after = end + GatewayTemplate.END.length() + 1;
      String actual = text.substring(begin, after);
      if (regenerate && !actual.equals(expected)) {
        Files.writeString(
            path,
            text.substring(0, begin) + expected + text.substring(after),
            StandardCharsets.UTF_8);
        continue;
      }
      assertThat(actual)
          .as(
              "%s's API Gateway resources are stale: run ./mvnw -pl deploy-lambda -am test"
                  + " -Dtest=GatewayTemplateTest -Dsurefire.failIfNoSpecifiedTests=false"
                  + " -Dparley.regenerate=true",
              path)
          .isEqualTo(expected);
    }
  }

  @Test
  void withoutATokenOnlyTheDocumentsAreReachableAndEveryOtherRouteNeedsItsScope() {
    for (CloudFormationTemplate template :
        List.of(SamTemplate.dynamoDb(), SamTemplate.postgres())) {
      Map<String, JsonNode> deployed = httpRoutes(template);
      assertThat(deployed.remove("$default").path("AuthorizationType").asText())
          .as("unknown paths reach the function's own 404 and 405 problems")
          .isEqualTo("NONE");
      List<Route> routes = GatewayTemplate.httpRoutes();
      assertThat(new TreeSet<>(deployed.keySet())).isEqualTo(describe(routes));
      for (Route route : routes) {
        JsonNode properties = deployed.get(route.describe());
        if (route.access() == Route.Access.OPEN) {
          assertThat(properties.path("AuthorizationType").asText())
              .as(route.describe())
              .isEqualTo("NONE");
          continue;
        }
        assertThat(properties.path("AuthorizationType").asText())
            .as("%s refuses a request without a valid token", route.describe())
            .isEqualTo("JWT");
        assertThat(properties.path("AuthorizerId"))
            .isEqualTo(CloudFormationTemplate.ref("HttpApiAuthorizer"));
        assertThat(scopes(properties))
            .as(route.describe())
            .containsExactly(RouteScopes.of(route).orElseThrow().value());
        if (route.path().template().contains("/bans/")
            || route.path().template().contains("/mutes/")) {
          assertThat(scopes(properties)).doesNotContain(Scope.READ.value(), Scope.WRITE.value());
        }
      }
    }
  }

  @Test
  void theAuthorizerChecksTheIssuerAndAudienceOfTheChosenIdentityProvider() {
    for (CloudFormationTemplate template :
        List.of(SamTemplate.dynamoDb(), SamTemplate.postgres())) {
      JsonNode authorizer = template.resource("HttpApiAuthorizer").path("Properties");
      assertThat(authorizer.path("AuthorizerType").asText()).isEqualTo("JWT");
      assertThat(authorizer.at("/JwtConfiguration/Issuer/Fn::If/0").asText())
          .isEqualTo("UseCognito");
      assertThat(authorizer.at("/JwtConfiguration/Audience/0/Fn::If/2"))
          .isEqualTo(CloudFormationTemplate.ref("JwtAudience"));
      JsonNode scopes = template.resource("UserPoolScopes").at("/Properties/Scopes");
      List<String> names = new ArrayList<>();
      scopes.forEach(scope -> names.add(scope.path("ScopeName").asText()));
      assertThat(names).containsExactly("read", "write", "moderate", "admin");
    }
  }

  @Test
  void everyWebSocketActionHasARouteAndTheDeploymentChangesWithThem() {
    for (CloudFormationTemplate template :
        List.of(SamTemplate.dynamoDb(), SamTemplate.postgres())) {
      List<String> keys = new ArrayList<>();
      String deployment = null;
      for (Map.Entry<String, JsonNode> resource :
          template.resourcesOfType("AWS::ApiGatewayV2::Route").entrySet()) {
        JsonNode properties = resource.getValue().path("Properties");
        if (properties.path("ApiId").equals(CloudFormationTemplate.ref("WebSocketApi"))) {
          keys.add(properties.path("RouteKey").asText());
        }
      }
      for (String id : template.resourcesOfType("AWS::ApiGatewayV2::Deployment").keySet()) {
        deployment = id;
      }
      List<String> expected = new ArrayList<>(List.of("$connect", "$disconnect", "$default"));
      expected.addAll(WebSocketApi.ACTIONS);
      assertThat(keys).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(deployment).startsWith("WebSocketDeployment").hasSize(27);
      assertThat(template.resource("WebSocketStage").at("/Properties/DeploymentId"))
          .isEqualTo(CloudFormationTemplate.ref(deployment));
    }
  }

  private static Map<String, JsonNode> httpRoutes(CloudFormationTemplate template) {
    Map<String, JsonNode> routes = new HashMap<>();
    for (JsonNode resource : template.resourcesOfType("AWS::ApiGatewayV2::Route").values()) {
      JsonNode properties = resource.path("Properties");
      if (properties.path("ApiId").equals(CloudFormationTemplate.ref("HttpApi"))) {
        routes.put(properties.path("RouteKey").asText(), properties);
      }
    }
    return routes;
  }

  private static TreeSet<String> describe(List<Route> routes) {
    TreeSet<String> described = new TreeSet<>();
    routes.forEach(route -> described.add(route.describe()));
    return described;
  }

  private static List<String> scopes(JsonNode properties) {
    List<String> scopes = new ArrayList<>();
    properties.path("AuthorizationScopes").forEach(scope -> scopes.add(scope.asText()));
    return scopes;
  }
}
