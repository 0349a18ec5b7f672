package dev.parley.deploy.lambda;

import dev.parley.adapter.lambda.LambdaConfig;
import dev.parley.protocol.auth.JwtSettings;
import dev.parley.protocol.auth.Scope;
import dev.parley.protocol.http.CorsPolicy;
import dev.parley.protocol.rest.Route;
import dev.parley.protocol.rest.RouteScopes;
import dev.parley.protocol.ws.WebSocketApi;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the API Gateway part of both SAM templates from the code's route tables, so that no route,
 * scope or throttle is copied by hand: the HTTP API (one route per entry of {@link
 * dev.parley.protocol.rest.RestApi#routes()}, each with the JWT authorizer and its {@link
 * RouteScopes} scope), the optional Cognito user pool that issues those scopes, and the WebSocket
 * API (one route per {@link WebSocketApi#ACTIONS} entry). {@code GatewayTemplateTest} fails when a
 * template's region differs from what this writes; run it with {@code -Dparley.regenerate=true} to
 * rewrite the region.
 *
 * <p>Plain text rather than a YAML library: the region must read like the hand-written rest of the
 * template (comments, flow lists, short tags), which a serializer does not write.
 */
final class GatewayTemplate {
  static final String BEGIN =
      "  # --- API Gateway and Cognito: written by GatewayTemplate from the route tables (do not edit) -";
  static final String END =
      "  # --- end of the generated API Gateway and Cognito resources ---------------------------------";

  /**
   * Route-level throttles (steady rate per second, burst) across all callers, where one route could
   * starve the others: posting, reacting, creating rooms. Per-user limits are the application's
   * (RateLimitPort); these protect the account's share of Lambda and the store.
   */
  static final Map<String, int[]> HTTP_THROTTLES = new LinkedHashMap<>();

  /** The same for WebSocket route keys; routes not in {@link WebSocketApi#ACTIONS} are skipped. */
  static final Map<String, int[]> WEBSOCKET_THROTTLES = new LinkedHashMap<>();

  static {
    HTTP_THROTTLES.put("POST /rooms/{roomId}/messages", new int[] {200, 400});
    HTTP_THROTTLES.put(
        "PUT /rooms/{roomId}/messages/{messageId}/reactions/{emoji}", new int[] {100, 200});
    HTTP_THROTTLES.put("POST /rooms", new int[] {10, 20});
    HTTP_THROTTLES.put("POST /direct-rooms", new int[] {20, 40});
    WEBSOCKET_THROTTLES.put("postMessage", new int[] {200, 400});
    WEBSOCKET_THROTTLES.put("addReaction", new int[] {100, 200});
    WEBSOCKET_THROTTLES.put("typing", new int[] {100, 200});
  }

  private static final String HTTP_ACCESS_LOG =
      "'{\"requestId\":\"$context.requestId\",\"requestTime\":\"$context.requestTime\","
          + "\"ip\":\"$context.identity.sourceIp\",\"routeKey\":\"$context.routeKey\","
          + "\"status\":\"$context.status\",\"latencyMs\":\"$context.responseLatency\","
          + "\"integrationLatencyMs\":\"$context.integrationLatency\","
          + "\"user\":\"$context.authorizer.claims.sub\","
          + "\"authorizerError\":\"$context.authorizer.error\","
          + "\"integrationError\":\"$context.integrationErrorMessage\"}'";

  private static final String WEBSOCKET_ACCESS_LOG =
      "'{\"requestId\":\"$context.requestId\",\"requestTime\":\"$context.requestTime\","
          + "\"ip\":\"$context.identity.sourceIp\",\"connectionId\":\"$context.connectionId\","
          + "\"eventType\":\"$context.eventType\",\"routeKey\":\"$context.routeKey\","
          + "\"status\":\"$context.status\",\"latencyMs\":\"$context.responseLatency\","
          + "\"integrationLatencyMs\":\"$context.integrationLatency\","
          + "\"user\":\"$context.authorizer.principalId\","
          + "\"authorizerError\":\"$context.authorizer.error\","
          + "\"integrationError\":\"$context.integrationErrorMessage\"}'";

  private GatewayTemplate() {}

  /** The routes of the deployed code: the Lambda component's own table. */
  static List<Route> httpRoutes() {
    return LambdaInMemoryComponent.create(
            LambdaConfig.fromEnvironment(Map.of()),
            JwtSettings.hs256("route-table-only-0123456789abcdefghij", null, null))
        .restApi()
        .routes();
  }

  /** The region, from {@link #BEGIN} to {@link #END} inclusive, each line ending in a newline. */
  static String region() {
    StringBuilder yaml = new StringBuilder();
    line(yaml, BEGIN);
    cognito(yaml);
    httpApi(yaml);
    webSocketApi(yaml);
    line(yaml, END);
    return yaml.toString();
  }

  private static void cognito(StringBuilder yaml) {
    line(
        yaml,
        "  # Created only when no JwtIssuer is given: the users, the scopes the routes require, and");
    line(
        yaml,
        "  # one app client that may ask for all of them (authorization code flow, no secret).");
    line(yaml, "  UserPool:");
    line(yaml, "    Type: AWS::Cognito::UserPool");
    line(yaml, "    Condition: UseCognito");
    line(yaml, "    DeletionPolicy: Retain");
    line(yaml, "    UpdateReplacePolicy: Retain");
    line(yaml, "    Properties:");
    line(yaml, "      UserPoolName: !Sub ${AWS::StackName}-users");
    line(yaml, "      UsernameAttributes: [email]");
    line(yaml, "      AutoVerifiedAttributes: [email]");
    line(yaml, "      Policies:");
    line(yaml, "        PasswordPolicy:");
    line(yaml, "          MinimumLength: 12");
    line(yaml, "  UserPoolScopes:");
    line(yaml, "    Type: AWS::Cognito::UserPoolResourceServer");
    line(yaml, "    Condition: UseCognito");
    line(yaml, "    Properties:");
    line(yaml, "      UserPoolId: !Ref UserPool");
    line(yaml, "      Identifier: " + Scope.RESOURCE_SERVER);
    line(yaml, "      Name: Parley chat API");
    line(yaml, "      Scopes:");
    for (Scope scope : Scope.values()) {
      line(yaml, "        - ScopeName: " + scope.shortName());
      line(yaml, "          ScopeDescription: " + describe(scope));
    }
    line(yaml, "  UserPoolClient:");
    line(yaml, "    Type: AWS::Cognito::UserPoolClient");
    line(yaml, "    Condition: UseCognito");
    line(yaml, "    DependsOn: UserPoolScopes");
    line(yaml, "    Properties:");
    line(yaml, "      UserPoolId: !Ref UserPool");
    line(yaml, "      ClientName: !Sub ${AWS::StackName}-app");
    line(yaml, "      GenerateSecret: false");
    line(yaml, "      AllowedOAuthFlowsUserPoolClient: true");
    line(yaml, "      AllowedOAuthFlows: [code]");
    List<String> scopes = new ArrayList<>(List.of("openid", "email"));
    for (Scope scope : Scope.values()) {
      scopes.add(scope.value());
    }
    line(yaml, "      AllowedOAuthScopes: [" + String.join(", ", scopes) + "]");
    line(yaml, "      CallbackURLs: !Ref CognitoCallbackUrls");
    line(yaml, "      SupportedIdentityProviders: [COGNITO]");
    line(yaml, "      ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]");
    line(yaml, "      PreventUserExistenceErrors: ENABLED");
    line(yaml, "  UserPoolDomain:");
    line(yaml, "    Type: AWS::Cognito::UserPoolDomain");
    line(yaml, "    Condition: UseCognitoDomain");
    line(yaml, "    Properties:");
    line(yaml, "      UserPoolId: !Ref UserPool");
    line(yaml, "      Domain: !Ref CognitoDomainPrefix");
    line(yaml, "");
  }

  private static void httpApi(StringBuilder yaml) {
    line(
        yaml,
        "  # HTTP API (payload 2.0): every route of RestApi, each behind the JWT authorizer with the scope");
    line(
        yaml,
        "  # RouteScopes gives it, so a request without a valid token or scope never invokes (or bills)");
    line(yaml, "  # the function; the API's documents are open.");
    line(yaml, "  HttpApi:");
    line(yaml, "    Type: AWS::ApiGatewayV2::Api");
    line(yaml, "    Properties:");
    line(yaml, "      Name: !Sub ${AWS::StackName}-http");
    line(yaml, "      ProtocolType: HTTP");
    line(
        yaml,
        "      # CORS for browser pages on other origins, with CorsPolicy's values (chat-protocol): the");
    line(yaml, "      # Fargate server and the local emulator answer with the same.");
    line(yaml, "      CorsConfiguration: !If");
    line(yaml, "        - HasAllowedOrigins");
    line(yaml, "        - AllowOrigins: !Ref AllowedOrigins");
    line(yaml, "          AllowMethods: [" + String.join(", ", CorsPolicy.ALLOWED_METHODS) + "]");
    line(yaml, "          AllowHeaders: [" + String.join(", ", CorsPolicy.ALLOWED_HEADERS) + "]");
    line(yaml, "          ExposeHeaders: [" + String.join(", ", CorsPolicy.EXPOSED_HEADERS) + "]");
    line(yaml, "          MaxAge: " + CorsPolicy.DEFAULT_MAX_AGE.toSeconds());
    line(yaml, "          # Credentials cannot go with '*' (API Gateway refuses the pair).");
    line(yaml, "          AllowCredentials: !If [AnyOrigin, false, true]");
    line(yaml, "        - !Ref AWS::NoValue");
    line(yaml, "  HttpApiAuthorizer:");
    line(yaml, "    Type: AWS::ApiGatewayV2::Authorizer");
    line(yaml, "    Properties:");
    line(yaml, "      ApiId: !Ref HttpApi");
    line(yaml, "      Name: parley-jwt");
    line(yaml, "      AuthorizerType: JWT");
    line(yaml, "      IdentitySource: [$request.header.Authorization]");
    line(yaml, "      JwtConfiguration:");
    line(
        yaml,
        "        Issuer: !If [UseCognito, !Sub 'https://cognito-idp.${AWS::Region}.${AWS::URLSuffix}/${UserPool}', !Ref JwtIssuer]");
    line(
        yaml,
        "        # Cognito access tokens carry the app client's id as client_id, which the authorizer");
    line(yaml, "        # checks against the audience.");
    line(yaml, "        Audience: [!If [UseCognito, !Ref UserPoolClient, !Ref JwtAudience]]");
    line(yaml, "  HttpApiIntegration:");
    line(yaml, "    Type: AWS::ApiGatewayV2::Integration");
    line(yaml, "    Properties:");
    line(yaml, "      ApiId: !Ref HttpApi");
    line(yaml, "      IntegrationType: AWS_PROXY");
    line(yaml, "      IntegrationUri: !Ref HttpFunction.Alias");
    line(yaml, "      PayloadFormatVersion: '2.0'");
    List<String> throttled = new ArrayList<>();
    for (Route route : httpRoutes()) {
      String id = "Http" + logicalId(route.describe());
      if (HTTP_THROTTLES.containsKey(route.describe())) {
        throttled.add(id);
      }
      line(yaml, "  " + id + ":");
      line(yaml, "    Type: AWS::ApiGatewayV2::Route");
      line(yaml, "    Properties:");
      line(yaml, "      ApiId: !Ref HttpApi");
      line(yaml, "      RouteKey: " + route.describe());
      if (route.access() == Route.Access.OPEN) {
        line(yaml, "      AuthorizationType: NONE");
      } else {
        Scope scope =
            RouteScopes.of(route)
                .orElseThrow(() -> new IllegalStateException(route.describe() + " has no scope"));
        line(yaml, "      AuthorizationType: JWT");
        line(yaml, "      AuthorizerId: !Ref HttpApiAuthorizer");
        line(yaml, "      AuthorizationScopes: [" + scope.value() + "]");
      }
      line(yaml, "      Target: !Sub integrations/${HttpApiIntegration}");
    }
    line(
        yaml,
        "  # Any other method and path: the function answers with its 404 or 405 problem, as on Fargate,");
    line(
        yaml,
        "  # rather than API Gateway's bare {\"message\":\"Not Found\"}. Only the stage throttles it.");
    line(yaml, "  HttpDefaultRoute:");
    line(yaml, "    Type: AWS::ApiGatewayV2::Route");
    line(yaml, "    Properties:");
    line(yaml, "      ApiId: !Ref HttpApi");
    line(yaml, "      RouteKey: $default");
    line(yaml, "      AuthorizationType: NONE");
    line(yaml, "      Target: !Sub integrations/${HttpApiIntegration}");
    line(yaml, "  HttpApiStage:");
    line(yaml, "    Type: AWS::ApiGatewayV2::Stage");
    line(yaml, "    # Route settings name routes that must exist first.");
    line(yaml, "    DependsOn: [" + String.join(", ", throttled) + "]");
    line(yaml, "    Properties:");
    line(yaml, "      ApiId: !Ref HttpApi");
    line(yaml, "      StageName: $default");
    line(yaml, "      AutoDeploy: true");
    line(yaml, "      DefaultRouteSettings:");
    line(yaml, "        ThrottlingBurstLimit: 500");
    line(yaml, "        ThrottlingRateLimit: 1000");
    line(yaml, "      RouteSettings:");
    for (Map.Entry<String, int[]> throttle : HTTP_THROTTLES.entrySet()) {
      line(yaml, "        " + throttle.getKey() + ":");
      line(yaml, "          ThrottlingRateLimit: " + throttle.getValue()[0]);
      line(yaml, "          ThrottlingBurstLimit: " + throttle.getValue()[1]);
    }
    line(yaml, "      AccessLogSettings:");
    line(yaml, "        DestinationArn: !GetAtt HttpApiAccessLogs.Arn");
    line(yaml, "        Format: " + HTTP_ACCESS_LOG);
    line(yaml, "  HttpApiAccessLogs:");
    line(yaml, "    Type: AWS::Logs::LogGroup");
    line(yaml, "    Properties:");
    line(yaml, "      LogGroupName: !Sub /aws/apigateway/${AWS::StackName}-http");
    line(yaml, "      RetentionInDays: !Ref LogRetentionDays");
    line(yaml, "  HttpApiInvokePermission:");
    line(yaml, "    Type: AWS::Lambda::Permission");
    line(yaml, "    Properties:");
    line(yaml, "      Action: lambda:InvokeFunction");
    line(yaml, "      FunctionName: !Ref HttpFunction.Alias");
    line(yaml, "      Principal: apigateway.amazonaws.com");
    line(
        yaml,
        "      SourceArn: !Sub arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}/*");
    line(yaml, "");
  }

  private static void webSocketApi(StringBuilder yaml) {
    List<String> routeKeys = new ArrayList<>(List.of("$connect", "$disconnect", "$default"));
    routeKeys.addAll(WebSocketApi.ACTIONS);
    line(
        yaml,
        "  # WebSocket API: $connect behind the REQUEST authorizer, one route per action of WebSocketApi.");
    line(yaml, "  WebSocketApi:");
    line(yaml, "    Type: AWS::ApiGatewayV2::Api");
    line(yaml, "    Properties:");
    line(yaml, "      Name: !Sub ${AWS::StackName}-websocket");
    line(yaml, "      ProtocolType: WEBSOCKET");
    line(yaml, "      RouteSelectionExpression: $request.body.action");
    line(yaml, "  WebSocketIntegration:");
    line(yaml, "    Type: AWS::ApiGatewayV2::Integration");
    line(yaml, "    Properties:");
    line(yaml, "      ApiId: !Ref WebSocketApi");
    line(yaml, "      IntegrationType: AWS_PROXY");
    line(
        yaml,
        "      IntegrationUri: !Sub arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${WebSocketFunction.Alias}/invocations");
    line(yaml, "  ConnectAuthorizer:");
    line(yaml, "    Type: AWS::ApiGatewayV2::Authorizer");
    line(yaml, "    Properties:");
    line(yaml, "      ApiId: !Ref WebSocketApi");
    line(yaml, "      Name: parley-connect");
    line(yaml, "      AuthorizerType: REQUEST");
    line(
        yaml,
        "      # No identity source: the token may be in the query, a header or the subprotocol, and API");
    line(
        yaml,
        "      # Gateway would require every listed source. The authorizer denies a missing token (403).");
    line(
        yaml,
        "      AuthorizerUri: !Sub arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${AuthorizerFunction.Alias}/invocations");
    List<String> routeIds = new ArrayList<>();
    for (String key : routeKeys) {
      String id = "WebSocket" + logicalId(key) + "Route";
      routeIds.add(id);
      line(yaml, "  " + id + ":");
      line(yaml, "    Type: AWS::ApiGatewayV2::Route");
      line(yaml, "    Properties:");
      line(yaml, "      ApiId: !Ref WebSocketApi");
      line(yaml, "      RouteKey: " + key);
      if (key.equals("$connect")) {
        line(yaml, "      AuthorizationType: CUSTOM");
        line(yaml, "      AuthorizerId: !Ref ConnectAuthorizer");
      }
      line(yaml, "      Target: !Sub integrations/${WebSocketIntegration}");
    }
    String deployment = "WebSocketDeployment" + hash(routeKeys);
    line(
        yaml,
        "  # A deployment is immutable: its name carries a hash of the route keys, so a changed set of");
    line(yaml, "  # routes is a new deployment that the stage moves to.");
    line(yaml, "  " + deployment + ":");
    line(yaml, "    Type: AWS::ApiGatewayV2::Deployment");
    line(yaml, "    DependsOn: [" + String.join(", ", routeIds) + "]");
    line(yaml, "    Properties:");
    line(yaml, "      ApiId: !Ref WebSocketApi");
    line(yaml, "  WebSocketStage:");
    line(yaml, "    Type: AWS::ApiGatewayV2::Stage");
    line(yaml, "    Properties:");
    line(yaml, "      ApiId: !Ref WebSocketApi");
    line(yaml, "      StageName: live");
    line(yaml, "      DeploymentId: !Ref " + deployment);
    line(yaml, "      DefaultRouteSettings:");
    line(yaml, "        ThrottlingBurstLimit: 500");
    line(yaml, "        ThrottlingRateLimit: 1000");
    line(yaml, "      RouteSettings:");
    for (Map.Entry<String, int[]> throttle : WEBSOCKET_THROTTLES.entrySet()) {
      if (WebSocketApi.ACTIONS.contains(throttle.getKey())) {
        line(yaml, "        " + throttle.getKey() + ":");
        line(yaml, "          ThrottlingRateLimit: " + throttle.getValue()[0]);
        line(yaml, "          ThrottlingBurstLimit: " + throttle.getValue()[1]);
      }
    }
    line(yaml, "      AccessLogSettings:");
    line(yaml, "        DestinationArn: !GetAtt WebSocketAccessLogs.Arn");
    line(yaml, "        Format: " + WEBSOCKET_ACCESS_LOG);
    line(yaml, "  WebSocketAccessLogs:");
    line(yaml, "    Type: AWS::Logs::LogGroup");
    line(yaml, "    Properties:");
    line(yaml, "      LogGroupName: !Sub /aws/apigateway/${AWS::StackName}-websocket");
    line(yaml, "      RetentionInDays: !Ref LogRetentionDays");
    line(yaml, "  WebSocketInvokePermission:");
    line(yaml, "    Type: AWS::Lambda::Permission");
    line(yaml, "    Properties:");
    line(yaml, "      Action: lambda:InvokeFunction");
    line(yaml, "      FunctionName: !Ref WebSocketFunction.Alias");
    line(yaml, "      Principal: apigateway.amazonaws.com");
    line(
        yaml,
        "      SourceArn: !Sub arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${WebSocketApi}/*");
    line(yaml, "  AuthorizerInvokePermission:");
    line(yaml, "    Type: AWS::Lambda::Permission");
    line(yaml, "    Properties:");
    line(yaml, "      Action: lambda:InvokeFunction");
    line(yaml, "      FunctionName: !Ref AuthorizerFunction.Alias");
    line(yaml, "      Principal: apigateway.amazonaws.com");
    line(
        yaml,
        "      SourceArn: !Sub arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${WebSocketApi}/authorizers/${ConnectAuthorizer}");
  }

  private static String describe(Scope scope) {
    return switch (scope) {
      case READ -> "Read rooms, members, history, presence and unread counts";
      case WRITE -> "Chat - create and join rooms, post, edit, react, mark read";
      case MODERATE -> "Moderate rooms - roles, bans, mutes, pins";
      case ADMIN -> "Administer rooms - settings, archiving";
    };
  }

  /** {@code GET /rooms/{roomId}/messages} becomes {@code GetRoomsRoomIdMessages}. */
  static String logicalId(String text) {
    StringBuilder id = new StringBuilder();
    for (String word : text.split("[^A-Za-z0-9]+")) {
      if (word.isEmpty()) {
        continue;
      }
      String part =
          word.equals(word.toUpperCase(Locale.ROOT)) ? word.toLowerCase(Locale.ROOT) : word;
      id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return id.toString();
  }

  private static String hash(List<String> routeKeys) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(String.join("\n", routeKeys).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static void line(StringBuilder yaml, String line) {
    yaml.append(line).append('\n');
  }
}
