package dev.parley.deploy.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.http.CorsPolicy;
import dev.parley.protocol.ws.WebSocketApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks {@code template.yaml} against the code it deploys: every handler class exists, every
 * WebSocket route is one the handler serves, every action has a route, every HTTP request reaches
 * the HTTP function, and the table matches adapter-dynamodb's DynamoDbTables. That the built jar
 * holds and serves all of it is LambdaArtifactIT's and LambdaArtifactRequestsIT's part.
 */
class SamTemplateTest {
  private static final List<String> REQUEST_FUNCTIONS =
      List.of("HttpFunction", "WebSocketFunction");

  @Test
  void everyHandlerClassExistsAndHandlesRequests() throws Exception {
    List<String> handlers = SamTemplate.handlerClasses();
    assertThat(handlers).hasSize(4);
    for (String handler : handlers) {
      Class<?> type = Class.forName(handler, false, getClass().getClassLoader());
      assertThat(type.getMethods())
          .as(handler)
          .anyMatch(m -> m.getName().equals("handleRequest") && m.getParameterCount() == 2);
      assertThat(type.getConstructor()).as("%s needs a no-arg constructor", handler).isNotNull();
    }
  }

  @Test
  void everyWebSocketRouteIsServedAndEveryActionHasARoute() {
    List<String> routes = SamTemplate.webSocketRouteKeys();
    List<String> served = new ArrayList<>(WebSocketApi.ACTIONS);
    served.addAll(List.of("$connect", "$disconnect", "$default"));
    assertThat(routes).doesNotHaveDuplicates().allMatch(served::contains);
    assertThat(routes).containsAll(served);
  }

  /**
   * Every HTTP route integrates with the HTTP function and nothing else does: the routes are the
   * route table's (GatewayTemplateTest), so a path the table does not have is API Gateway's own 404
   * and never invokes the function.
   */
  @Test
  void everyHttpRouteReachesTheHttpFunction() {
    for (CloudFormationTemplate template :
        List.of(SamTemplate.dynamoDb(), SamTemplate.postgres())) {
      assertThat(template.resource("HttpApiIntegration").at("/Properties/IntegrationUri"))
          .isEqualTo(CloudFormationTemplate.ref("HttpFunction.Alias"));
      template
          .functions()
          .values()
          .forEach(f -> assertThat(f.path("Events").toString()).doesNotContain("HttpApi"));
      template
          .resourcesOfType("AWS::ApiGatewayV2::Route")
          .values()
          .forEach(
              route -> {
                JsonNode properties = route.path("Properties");
                String integration =
                    properties.path("ApiId").equals(CloudFormationTemplate.ref("HttpApi"))
                        ? "HttpApiIntegration"
                        : "WebSocketIntegration";
                assertThat(properties.path("Target"))
                    .isEqualTo(CloudFormationTemplate.sub("integrations/${" + integration + "}"));
              });
    }
  }

  @Test
  void bothTemplatesConfigureCorsWithTheValuesTheOtherRuntimesAnswerWith() {
    for (CloudFormationTemplate template :
        List.of(SamTemplate.dynamoDb(), SamTemplate.postgres())) {
      JsonNode choice = template.resource("HttpApi").at("/Properties/CorsConfiguration/Fn::If");
      assertThat(choice.get(0).asText()).as("only with origins").isEqualTo("HasAllowedOrigins");
      assertThat(choice.get(2)).isEqualTo(CloudFormationTemplate.ref("AWS::NoValue"));
      JsonNode cors = choice.get(1);
      assertThat(cors.get("AllowOrigins")).isEqualTo(CloudFormationTemplate.ref("AllowedOrigins"));
      assertThat(texts(cors.get("AllowMethods"))).isEqualTo(CorsPolicy.ALLOWED_METHODS);
      assertThat(texts(cors.get("AllowHeaders"))).isEqualTo(CorsPolicy.ALLOWED_HEADERS);
      assertThat(texts(cors.get("ExposeHeaders"))).isEqualTo(CorsPolicy.EXPOSED_HEADERS);
      assertThat(cors.get("MaxAge").asLong()).isEqualTo(CorsPolicy.DEFAULT_MAX_AGE.toSeconds());
      assertThat(cors.at("/AllowCredentials/Fn::If/0").asText()).isEqualTo("AnyOrigin");
      assertThat(template.section("Parameters").at("/AllowedOrigins/Type").asText())
          .isEqualTo("CommaDelimitedList");
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  @Test
  void everyFunctionDeploysTheLambdaJar() {
    assertThat(SamTemplate.codeUri()).isEqualTo(Path.of("target", "parley-lambda.jar"));
    assertThat(SamTemplate.text()).doesNotContain("parley-sample.jar");
  }

  @Test
  void theTableAndPermissionsMatchTheAdapters() {
    String template = SamTemplate.text();
    for (String attribute : List.of("pk", "sk", "gsi1pk", "gsi1sk")) {
      assertThat(template).contains("- AttributeName: " + attribute + "\n");
    }
    assertThat(template)
        .contains("IndexName: " + dev.parley.adapter.dynamodb.DynamoDbTables.GSI1)
        .contains("TimeToLiveSpecification:\n        AttributeName: ttl\n        Enabled: true")
        .contains("Runtime: java21")
        .contains("ApplyOn: PublishedVersions")
        .contains("AuthorizationType: CUSTOM")
        .contains("RouteSelectionExpression: $request.body.action")
        .doesNotContain("Resource: '*'")
        .doesNotContain("Resource: \"*\"")
        .doesNotContain("dynamodb:*");
    String[] grants = template.split("Action: execute-api:ManageConnections\n\\s*Resource: ", -1);
    assertThat(grants).as("three functions may post to @connections").hasSize(4);
    for (int i = 1; i < grants.length; i++) {
      assertThat(grants[i])
          .as("ManageConnections on this API only")
          .startsWith(
              "!Sub arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${WebSocketApi}/");
    }
  }

  /**
   * The functions that raise events hand big rooms to the fan-out function: they name its alias
   * (the published, SnapStart version) and may invoke it; nothing else may, and the fan-out
   * function posts to @connections and touches the table only as far as removing a gone connection
   * takes. A batch it fails on is retried twice and then kept.
   */
  @Test
  void onlyTheRequestFunctionsInvokeTheFanOutFunction() {
    String invoke =
        "Action: lambda:InvokeFunction\n              Resource: !Ref FanOutFunction.Alias";
    for (String function : REQUEST_FUNCTIONS) {
      assertThat(SamTemplate.resource(function))
          .as(function)
          .contains("CHAT_FANOUT_FUNCTION: !Ref FanOutFunction.Alias")
          .contains("CHAT_FANOUT_THRESHOLD: !Ref FanOutThreshold")
          .contains(invoke);
    }
    // In IAM statements (the API Gateway permissions name their functions with FunctionName).
    assertThat(SamTemplate.text().split("Action: lambda:InvokeFunction\n\\s*Resource: ", -1))
        .as("lambda:InvokeFunction granted to the request functions only")
        .hasSize(REQUEST_FUNCTIONS.size() + 1);
    assertThat(SamTemplate.text()).doesNotContain("FunctionName: !Ref FanOutFunction");

    String fanOut = SamTemplate.resource("FanOutFunction");
    assertThat(fanOut)
        .contains("Handler: dev.parley.deploy.lambda.DynamoDbLambda$FanOut::handleRequest")
        .contains("Action: execute-api:ManageConnections")
        .contains("MaximumRetryAttempts: 2")
        .contains("Destination: !GetAtt FanOutFailures.Arn")
        .doesNotContain("lambda:InvokeFunction")
        .doesNotContain("CHAT_FANOUT_FUNCTION")
        .doesNotContain("dynamodb:Query")
        .doesNotContain("dynamodb:PutItem");
    assertThat(SamTemplate.resource("AuthorizerFunction")).doesNotContain("CHAT_FANOUT_FUNCTION");
  }
}
