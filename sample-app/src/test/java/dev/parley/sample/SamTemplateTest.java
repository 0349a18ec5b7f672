package dev.parley.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.ws.WebSocketApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks {@code template.yaml} against the code it deploys, line by line (no YAML parser on the
 * classpath): every handler class exists, every WebSocket route is one the handler serves, every
 * action has a route, and the table matches adapter-dynamodb's DynamoDbTables.
 */
class SamTemplateTest {
  private static final Path TEMPLATE = Path.of("template.yaml");
  private static final Pattern HANDLER =
      Pattern.compile("^\\s*Handler:\\s*(\\S+)::handleRequest\\s*$");
  private static final Pattern ROUTE = Pattern.compile("^\\s*RouteKey:\\s*(\\S+)\\s*$");

  private static List<String> matches(Pattern pattern) throws Exception {
    List<String> found = new ArrayList<>();
    for (String line : Files.readAllLines(TEMPLATE)) {
      Matcher m = pattern.matcher(line);
      if (m.matches()) {
        found.add(m.group(1));
      }
    }
    return found;
  }

  @Test
  void everyHandlerClassExistsAndHandlesRequests() throws Exception {
    List<String> handlers = matches(HANDLER);
    assertThat(handlers).hasSize(3);
    for (String handler : handlers) {
      Class<?> type = Class.forName(handler, false, getClass().getClassLoader());
      assertThat(type.getMethods())
          .as(handler)
          .anyMatch(m -> m.getName().equals("handleRequest") && m.getParameterCount() == 2);
      assertThat(type.getConstructor()).as("%s needs a no-arg constructor", handler).isNotNull();
    }
  }

  @Test
  void everyWebSocketRouteIsServedAndEveryActionHasARoute() throws Exception {
    List<String> routes = matches(ROUTE);
    List<String> served = new ArrayList<>(WebSocketApi.ACTIONS);
    served.addAll(List.of("$connect", "$disconnect", "$default"));
    assertThat(routes).doesNotHaveDuplicates().allMatch(served::contains);
    assertThat(routes).containsAll(served);
  }

  @Test
  void theTableAndPermissionsMatchTheAdapters() throws Exception {
    String template = Files.readString(TEMPLATE);
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
    assertThat(grants).as("two functions may post to @connections").hasSize(3);
    for (int i = 1; i < grants.length; i++) {
      assertThat(grants[i])
          .as("ManageConnections on this API only")
          .startsWith("!Sub arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${WebSocketApi}/");
    }
  }
}
