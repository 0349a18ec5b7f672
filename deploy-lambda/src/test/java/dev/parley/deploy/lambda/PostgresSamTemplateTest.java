package dev.parley.deploy.lambda;

import static dev.parley.deploy.lambda.CloudFormationTemplate.ref;
import static dev.parley.deploy.lambda.CloudFormationTemplate.sub;
import static dev.parley.deploy.lambda.CloudFormationTemplate.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.ws.WebSocketApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks {@code template-postgres.yaml} against the code it deploys, as {@link SamTemplateTest}
 * checks template.yaml: every handler class exists, every WebSocket route is served and every
 * action routed, every HTTP request reaches the HTTP function, every function deploys the Lambda
 * jar, and the functions get exactly the environment variables the code reads. What the template
 * builds around them (network, database, permissions) is {@link PostgresTemplateResourcesTest}'s.
 */
class PostgresSamTemplateTest {
  private static final String HANDLERS = "dev.parley.deploy.lambda.PostgresLambda$";

  /** Variables the code reads that the template leaves unset on purpose, and why. */
  private static final Map<String, String> LEFT_UNSET =
      Map.of(
          "CHAT_POSTGRES_PASSWORD",
          "local use only: a password in a function's configuration is readable by whoever reads it",
          "CHAT_POSTGRES_SCHEMA",
          "the database's default schema",
          "CHAT_JWT_SECRET",
          "HS256 with a shared secret is for development");

  /** Prefixes of the variables that configure this deployment (and not another store's). */
  private static final List<String> PREFIXES =
      List.of("CHAT_POSTGRES_", "CHAT_FANOUT_", "CHAT_JWT_", "PARLEY_");

  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");

  private final CloudFormationTemplate template = SamTemplate.postgres();

  @Test
  void everyHandlerClassExistsAndHandlesRequests() throws Exception {
    List<String> handlers = template.handlerClasses();
    assertThat(handlers)
        .containsExactlyInAnyOrder(
            HANDLERS + "Http",
            HANDLERS + "WebSocket",
            HANDLERS + "Authorizer",
            HANDLERS + "Migrate",
            HANDLERS + "FanOut",
            HANDLERS + "Housekeeping");
    List<String> checked = new ArrayList<>();
    for (String handler : handlers) {
      Class<?> type = Class.forName(handler, false, getClass().getClassLoader());
      // RequestHandler (event, context) or RequestStreamHandler (input, output, context).
      assertThat(type.getMethods())
          .as(handler)
          .anyMatch(
              m ->
                  m.getName().equals("handleRequest")
                      && (m.getParameterCount() == 2 || m.getParameterCount() == 3));
      assertThat(type.getConstructor()).as("%s needs a no-arg constructor", handler).isNotNull();
      checked.add(handler);
    }
    assertThat(checked)
        .contains(HANDLERS + "Http", HANDLERS + "WebSocket", HANDLERS + "Authorizer");
  }

  @Test
  void everyWebSocketRouteIsServedAndEveryActionHasARoute() {
    List<String> routes = template.webSocketRouteKeys();
    List<String> served = new ArrayList<>(WebSocketApi.ACTIONS);
    served.addAll(List.of("$connect", "$disconnect", "$default"));
    assertThat(routes).doesNotHaveDuplicates().allMatch(served::contains);
    assertThat(routes).containsAll(served);
    assertThat(template.resourcesOfType("AWS::ApiGatewayV2::Route").values())
        .filteredOn(route -> route.at("/Properties/ApiId").equals(ref("WebSocketApi")))
        .hasSameSizeAs(routes)
        .allMatch(
            route ->
                route
                    .path("Properties")
                    .path("Target")
                    .equals(sub("integrations/${WebSocketIntegration}")));
  }

  @Test
  void theHttpFunctionServesTheHttpApi() {
    assertThat(template.resource("HttpApiIntegration").at("/Properties/IntegrationUri"))
        .isEqualTo(CloudFormationTemplate.ref("HttpFunction.Alias"));
    assertThat(template.function("HttpFunction").path("Handler").asText())
        .isEqualTo(HANDLERS + "Http::handleRequest");
  }

  @Test
  void everyFunctionDeploysTheLambdaJarOnJava21() {
    assertThat(template.codeUri()).isEqualTo(Path.of("target", "parley-lambda.jar"));
    assertThat(template.text()).doesNotContain("parley-sample.jar");
    template
        .functions()
        .forEach(
            (id, function) -> {
              assertThat(function.path("Runtime").asText()).as(id).isEqualTo("java21");
              assertThat(template.publishesVersions(id)).as(id).isTrue();
            });
  }

  /**
   * SnapStart restores the request functions from a snapshot of their init; the migration (once per
   * deploy) and the housekeeping (every five minutes, a second of work) have nothing to gain from a
   * snapshot, which would only delay the deploy.
   */
  @Test
  void theRequestFunctionsStartFromASnapStartSnapshot() {
    template
        .functions()
        .forEach(
            (id, function) ->
                assertThat(function.path("SnapStart").path("ApplyOn").asText())
                    .as(id)
                    .isEqualTo(
                        id.equals("MigrateFunction") || id.equals("HousekeepingFunction")
                            ? "None"
                            : "PublishedVersions"));
  }

  /** The JVM options template.yaml explains (and the cold-start benchmark reads from there). */
  @Test
  void theFunctionsRunWithTheJvmOptionsOfTemplateYaml() {
    assertThat(template.globalVariables().get("JAVA_TOOL_OPTIONS").asText())
        .isEqualTo(SamTemplate.variableValue("JAVA_TOOL_OPTIONS"));
  }

  /**
   * The template sets exactly the variables of the agreed list, each of which the deployed
   * code reads (a string constant of its classes), and the code reads no variable of this
   * deployment that the template leaves unset without a reason.
   */
  @Test
  void theFunctionsGetExactlyTheVariablesTheCodeReads() {
    Set<String> set = new TreeSet<>(template.variableNames());
    set.remove("JAVA_TOOL_OPTIONS"); // read by the JVM
    assertThat(set)
        .containsExactlyInAnyOrder(
            "CHAT_POSTGRES_URL",
            "CHAT_POSTGRES_USER",
            "CHAT_POSTGRES_POOL_SIZE",
            "CHAT_POSTGRES_SECRET_ARN",
            "CHAT_POSTGRES_IAM_AUTH",
            "CHAT_JWT_ISSUER",
            "CHAT_JWT_JWKS_URL",
            "CHAT_JWT_AUDIENCE",
            "PARLEY_WEBSOCKET_ENDPOINT",
            "CHAT_FANOUT_FUNCTION",
            "CHAT_FANOUT_THRESHOLD");

    Set<String> code = DeployedCode.stringConstants();
    for (String name : set) {
      assertThat(code).as("%s is read by no code", name).contains(name);
    }
    Set<String> unsetButRead = new TreeSet<>();
    for (String constant : code) {
      if (VARIABLE_NAME.matcher(constant).matches()
          && PREFIXES.stream().anyMatch(constant::startsWith)
          && !set.contains(constant)
          && !LEFT_UNSET.containsKey(constant)) {
        unsetButRead.add(constant);
      }
    }
    assertThat(unsetButRead).as("variables the code reads and the template does not set").isEmpty();
    assertThat(code).containsAll(LEFT_UNSET.keySet());
  }

  /**
   * RDS Proxy's ACM certificate is verified (host name included) by the JVM's trust store, the pool
   * is the Lambda size, and only the functions that use the database get its credentials: by
   * DatabaseIamAuth either an IAM token or the secret, never both.
   */
  @Test
  void theDatabaseFunctionsConnectThroughTheProxyOverVerifiedTls() {
    Map<String, JsonNode> global = template.globalVariables();
    String url = global.get("CHAT_POSTGRES_URL").path("Fn::Sub").asText();
    assertThat(url)
        .startsWith("jdbc:postgresql://${DatabaseProxy.Endpoint}:5432/${DatabaseName}?")
        .contains("sslmode=verify-full")
        .contains("sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory");
    assertThat(global.get("CHAT_POSTGRES_POOL_SIZE").asText()).isEqualTo("2");
    assertThat(global.get("CHAT_POSTGRES_USER"))
        .isEqualTo(CloudFormationTemplate.ref("DatabaseUser"));
    assertThat(global).doesNotContainKeys("CHAT_POSTGRES_SECRET_ARN", "CHAT_POSTGRES_IAM_AUTH");

    JsonNode secret = yaml("!If [UseIamAuth, !Ref AWS::NoValue, !Ref DatabaseSecret]");
    JsonNode iam = yaml("!If [UseIamAuth, 'true', !Ref AWS::NoValue]");
    for (String id :
        List.of("HttpFunction", "WebSocketFunction", "FanOutFunction", "MigrateFunction")) {
      Map<String, JsonNode> variables = template.variables(id);
      assertThat(variables.get("CHAT_POSTGRES_SECRET_ARN")).as(id).isEqualTo(secret);
      assertThat(variables.get("CHAT_POSTGRES_IAM_AUTH")).as(id).isEqualTo(iam);
    }
    assertThat(template.variables("AuthorizerFunction"))
        .doesNotContainKeys("CHAT_POSTGRES_SECRET_ARN", "CHAT_POSTGRES_IAM_AUTH");
  }

  /** The request functions hand big rooms to the fan-out function, which does not fan out again. */
  @Test
  void theRequestFunctionsHandBigRoomsToTheFanOutFunction() {
    JsonNode alias = CloudFormationTemplate.ref("FanOutFunction.Alias");
    JsonNode threshold = yaml("!If [HasFanOutThreshold, !Ref FanOutThreshold, !Ref AWS::NoValue]");
    for (String id : List.of("HttpFunction", "WebSocketFunction")) {
      assertThat(template.variables(id).get("CHAT_FANOUT_FUNCTION")).as(id).isEqualTo(alias);
      assertThat(template.variables(id).get("CHAT_FANOUT_THRESHOLD")).as(id).isEqualTo(threshold);
    }
    for (String id : List.of("FanOutFunction", "MigrateFunction", "AuthorizerFunction")) {
      assertThat(template.variables(id)).as(id).doesNotContainKey("CHAT_FANOUT_FUNCTION");
    }
  }

  @Test
  void theWebSocketEndpointIsThisApisLiveStage() {
    assertThat(template.globalVariables().get("PARLEY_WEBSOCKET_ENDPOINT"))
        .isEqualTo(
            sub("https://${WebSocketApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/live"));
    assertThat(template.resource("WebSocketStage").path("Properties").path("StageName").asText())
        .isEqualTo("live");
  }
}
