package dev.parley.deploy.lambda;

import static dev.parley.deploy.lambda.CloudFormationTemplate.getAtt;
import static dev.parley.deploy.lambda.CloudFormationTemplate.ref;
import static dev.parley.deploy.lambda.CloudFormationTemplate.sub;
import static dev.parley.deploy.lambda.CloudFormationTemplate.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks what {@code template-postgres.yaml} builds around the functions, offline: references that
 * resolve, ARNs in every partition, least-privilege permissions, security groups that open only the
 * database port and HTTPS, the Aurora cluster and its proxy, the migration run by CloudFormation,
 * the fan-out's failure queue, and a log group with retention for each function.
 */
class PostgresTemplateResourcesTest {
  private static final Pattern ARN = Pattern.compile("arn:(?!\\$\\{AWS::Partition}:)");

  private final CloudFormationTemplate template = SamTemplate.postgres();

  @Test
  void everyReferenceNamesSomethingTheTemplateDeclares() {
    assertThat(template.unresolvedReferences()).isEmpty();
  }

  /** GovCloud and China have partitions of their own: no ARN may name the commercial one. */
  @Test
  void everyArnNamesThePartitionOfTheStack() {
    assertThat(template.text()).doesNotContain("arn:aws:");
    List<String> literal = new ArrayList<>();
    forEachNode(
        template.section("Resources"),
        node -> {
          if (node.isTextual() && ARN.matcher(node.asText()).find()) {
            literal.add(node.asText());
          }
        });
    assertThat(literal).as("ARNs without ${AWS::Partition}").isEmpty();
  }

  @Test
  void everyFunctionLogsToALogGroupOfItsOwnWithRetention() {
    Set<String> groups = new TreeSet<>();
    template
        .functions()
        .forEach(
            (id, function) -> {
              JsonNode group = function.path("LoggingConfig").path("LogGroup");
              assertThat(group.has("Ref")).as("%s names its log group", id).isTrue();
              String name = group.get("Ref").asText();
              assertThat(template.type(name)).as(id).isEqualTo("AWS::Logs::LogGroup");
              JsonNode properties = template.resource(name).path("Properties");
              assertThat(properties.path("RetentionInDays"))
                  .as(id)
                  .isEqualTo(ref("LogRetentionDays"));
              assertThat(properties.path("LogGroupName").path("Fn::Sub").asText())
                  .startsWith("/aws/lambda/${AWS::StackName}-");
              groups.add(name);
            });
    assertThat(groups).hasSameSizeAs(template.functions().keySet());
  }

  /** No statement grants every resource or every action of a service. */
  @Test
  void noPolicyGrantsEveryResourceOrEveryAction() {
    List<JsonNode> statements = statements();
    assertThat(statements).as("the statements checked").hasSize(5);
    for (JsonNode statement : statements) {
      assertThat(statement.has("Resource")).as("%s", statement).isTrue();
      forEachNode(
          statement.get("Resource"),
          node -> assertThat(node.asText()).as("%s", statement).isNotEqualTo("*"));
      forEachNode(
          statement.get("Action"),
          node -> assertThat(node.asText()).as("%s", statement).doesNotContain("*"));
    }
  }

  /**
   * Each function has the policies it needs and no other: the database (by DatabaseIamAuth,
   * connecting as DatabaseUser through this proxy, or reading this one secret), this API's
   * connections, and invoking the fan-out function; the authorizer none.
   */
  @Test
  void eachFunctionHasTheLeastPrivilegeItNeeds() {
    assertThat(policiesOf("HttpFunction"))
        .containsExactly("DatabaseAccessPolicy", "ConnectionsPolicy", "InvokeFanOutPolicy");
    assertThat(policiesOf("WebSocketFunction"))
        .containsExactly("DatabaseAccessPolicy", "ConnectionsPolicy", "InvokeFanOutPolicy");
    assertThat(policiesOf("FanOutFunction"))
        .containsExactly("DatabaseAccessPolicy", "ConnectionsPolicy");
    assertThat(policiesOf("MigrateFunction")).containsExactly("DatabaseAccessPolicy");
    assertThat(policiesOf("AuthorizerFunction")).isEmpty();

    assertThat(managedStatements("DatabaseAccessPolicy"))
        .containsExactly(
            yaml(
                """
                !If
                  - UseIamAuth
                  - Effect: Allow
                    Action: rds-db:connect
                    Resource: !Sub
                      - arn:${AWS::Partition}:rds-db:${AWS::Region}:${AWS::AccountId}:dbuser:${ProxyResourceId}/${DatabaseUser}
                      - ProxyResourceId: !Select [6, !Split [':', !GetAtt DatabaseProxy.DBProxyArn]]
                  - Effect: Allow
                    Action: secretsmanager:GetSecretValue
                    Resource: !Ref DatabaseSecret
                """));
    assertThat(managedStatements("ConnectionsPolicy"))
        .containsExactly(
            yaml(
                "{Effect: Allow, Action: execute-api:ManageConnections, Resource: !Sub"
                    + " 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}"
                    + ":${WebSocketApi}/live/*/@connections/*'}"));
    assertThat(managedStatements("InvokeFanOutPolicy"))
        .containsExactly(
            yaml(
                "{Effect: Allow, Action: lambda:InvokeFunction, Resource: !Ref FanOutFunction.Alias}"));
  }

  /** RDS Proxy reads the secret to reach the cluster; that one secret and nothing else. */
  @Test
  void theProxyReadsOnlyTheDatabaseSecret() {
    JsonNode role = template.resource("DatabaseProxyRole").path("Properties");
    assertThat(role.path("AssumeRolePolicyDocument").path("Statement").path(0).path("Principal"))
        .isEqualTo(yaml("{Service: rds.amazonaws.com}"));
    List<JsonNode> statements = new ArrayList<>();
    role.path("Policies")
        .forEach(p -> p.path("PolicyDocument").path("Statement").forEach(statements::add));
    assertThat(statements)
        .containsExactly(
            yaml(
                "{Effect: Allow, Action: secretsmanager:GetSecretValue, Resource: !Ref DatabaseSecret}"));
    assertThat(template.resource("DatabaseProxy").path("Properties").path("RoleArn"))
        .isEqualTo(getAtt("DatabaseProxyRole", "Arn"));
  }

  /**
   * Functions to proxy to cluster on 5432 only; the interface endpoints from the functions only.
   */
  @Test
  void securityGroupsOpenOnlyThePostgresPortAndHttps() {
    assertThat(ingressRules())
        .containsExactlyInAnyOrder(
            "ProxySecurityGroup from FunctionSecurityGroup tcp 5432",
            "DatabaseSecurityGroup from ProxySecurityGroup tcp 5432",
            "EndpointSecurityGroup from FunctionSecurityGroup tcp 443");
    assertThat(egressRules())
        .containsExactlyInAnyOrder(
            "FunctionSecurityGroup to 0.0.0.0/0 tcp 443",
            "FunctionSecurityGroup to ProxySecurityGroup tcp 5432",
            "ProxySecurityGroup to DatabaseSecurityGroup tcp 5432",
            "ProxySecurityGroup to 127.0.0.1/32 -1 null",
            "DatabaseSecurityGroup to 127.0.0.1/32 -1 null",
            "EndpointSecurityGroup to 127.0.0.1/32 -1 null");

    JsonNode vpc = template.section("Globals").path("Function").path("VpcConfig");
    assertThat(vpc.path("SecurityGroupIds")).isEqualTo(yaml("[!Ref FunctionSecurityGroup]"));
    assertThat(vpc.path("SubnetIds")).isEqualTo(yaml("[!Ref PrivateSubnet1, !Ref PrivateSubnet2]"));
    assertThat(property("DatabaseProxy", "VpcSecurityGroupIds"))
        .isEqualTo(yaml("[!GetAtt ProxySecurityGroup.GroupId]"));
    assertThat(property("DatabaseCluster", "VpcSecurityGroupIds"))
        .isEqualTo(yaml("[!GetAtt DatabaseSecurityGroup.GroupId]"));
  }

  /**
   * Two private subnets in two zones; a NAT gateway for @connections and the issuer's JWKS, which
   * no interface endpoint serves; interface endpoints for Secrets Manager and Lambda only (one for
   * execute-api would turn every call to this public API's @connections into a 403).
   */
  @Test
  void theNetworkReachesWhatTheFunctionsCall() {
    assertThat(property("PrivateSubnet1", "AvailabilityZone"))
        .isEqualTo(yaml("!Select [0, !GetAZs '']"));
    assertThat(property("PrivateSubnet2", "AvailabilityZone"))
        .isEqualTo(yaml("!Select [1, !GetAZs '']"));
    assertThat(property("PrivateDefaultRoute", "NatGatewayId")).isEqualTo(ref("NatGateway"));
    assertThat(property("PrivateDefaultRoute", "RouteTableId")).isEqualTo(ref("PrivateRouteTable"));

    List<String> endpoints = new ArrayList<>();
    template
        .resourcesOfType("AWS::EC2::VPCEndpoint")
        .values()
        .forEach(
            e ->
                endpoints.add(
                    e.path("Properties").path("ServiceName").path("Fn::Sub").asText()
                        + " "
                        + e.path("Properties").path("VpcEndpointType").asText()));
    assertThat(endpoints)
        .containsExactlyInAnyOrder(
            "com.amazonaws.${AWS::Region}.s3 Gateway",
            "com.amazonaws.${AWS::Region}.secretsmanager Interface",
            "com.amazonaws.${AWS::Region}.lambda Interface");
    for (String id : List.of("SecretsManagerEndpoint", "LambdaEndpoint")) {
      assertThat(property(id, "PrivateDnsEnabled").asText()).isEqualTo("true");
      assertThat(property(id, "SecurityGroupIds")).isEqualTo(yaml("[!Ref EndpointSecurityGroup]"));
    }
  }

  @Test
  void theDatabaseIsAnEncryptedAuroraServerlessV2ClusterThatLeavesASnapshot() {
    JsonNode cluster = template.resource("DatabaseCluster");
    assertThat(cluster.path("DeletionPolicy").asText()).isEqualTo("Snapshot");
    assertThat(cluster.path("UpdateReplacePolicy").asText()).isEqualTo("Snapshot");
    JsonNode properties = cluster.path("Properties");
    assertThat(properties.path("Engine").asText()).isEqualTo("aurora-postgresql");
    assertThat(properties.path("ServerlessV2ScalingConfiguration"))
        .isEqualTo(yaml("{MinCapacity: !Ref MinCapacity, MaxCapacity: !Ref MaxCapacity}"));
    assertThat(properties.path("StorageEncrypted").asText()).isEqualTo("true");
    assertThat(properties.path("DeletionProtection")).isEqualTo(ref("DeletionProtection"));
    assertThat(properties.path("BackupRetentionPeriod")).isEqualTo(ref("BackupRetentionDays"));
    assertThat(properties.path("DBSubnetGroupName")).isEqualTo(ref("DatabaseSubnetGroup"));
    assertThat(properties.path("MasterUserPassword").path("Fn::Sub").asText())
        .isEqualTo("{{resolve:secretsmanager:${DatabaseSecret}:SecretString:password}}");

    assertThat(property("DatabaseInstance", "DBInstanceClass").asText()).isEqualTo("db.serverless");
    assertThat(property("DatabaseInstance", "DBClusterIdentifier"))
        .isEqualTo(ref("DatabaseCluster"));
    assertThat(property("DatabaseInstance", "PubliclyAccessible").asText()).isEqualTo("false");
    // The final snapshot restores with the password in this secret, so the secret stays too.
    assertThat(template.resource("DatabaseSecret").path("DeletionPolicy").asText())
        .isEqualTo("Retain");
    JsonNode generated = property("DatabaseSecret", "GenerateSecretString");
    assertThat(generated.path("GenerateStringKey").asText()).isEqualTo("password");
    assertThat(property("DatabaseSecretAttachment", "TargetId")).isEqualTo(ref("DatabaseCluster"));
  }

  @Test
  void theProxyRequiresTlsAndAuthenticatesAsDatabaseIamAuthSays() {
    JsonNode proxy = template.resource("DatabaseProxy").path("Properties");
    assertThat(proxy.path("EngineFamily").asText()).isEqualTo("POSTGRESQL");
    assertThat(proxy.path("RequireTLS").asText()).isEqualTo("true");
    assertThat(proxy.path("Auth"))
        .isEqualTo(
            yaml(
                "[{AuthScheme: SECRETS, SecretArn: !Ref DatabaseSecret,"
                    + " IAMAuth: !If [UseIamAuth, REQUIRED, DISABLED],"
                    + " ClientPasswordAuthType: POSTGRES_SCRAM_SHA_256}]"));
    assertThat(property("DatabaseProxyTargetGroup", "DBClusterIdentifiers"))
        .isEqualTo(yaml("[!Ref DatabaseCluster]"));
    assertThat(template.section("Conditions").path("UseIamAuth"))
        .isEqualTo(yaml("!Equals [!Ref DatabaseIamAuth, 'true']"));
  }

  /**
   * CloudFormation runs the migrations once the database answers through the proxy, again whenever
   * the migrate function's code (the jar with the migrations) is a new version, and before the
   * functions that need the new schema are updated.
   */
  @Test
  void cloudFormationRunsTheMigrationsBeforeTheFunctionsThatNeedThem() {
    JsonNode migrations = template.resource("Migrations");
    assertThat(migrations.path("Type").asText()).startsWith("Custom::");
    assertThat(migrations.path("Properties").path("ServiceToken"))
        .isEqualTo(getAtt("MigrateFunction", "Arn"));
    assertThat(migrations.path("Properties").path("CodeVersion"))
        .isEqualTo(ref("MigrateFunction.Version"));
    assertThat(migrations.path("DependsOn"))
        .isEqualTo(yaml("[DatabaseInstance, DatabaseProxyTargetGroup]"));
    for (String id : List.of("HttpFunction", "WebSocketFunction", "FanOutFunction")) {
      assertThat(template.resource(id).path("DependsOn").asText()).as(id).isEqualTo("Migrations");
    }
    assertThat(template.function("MigrateFunction").path("Handler").asText())
        .isEqualTo("dev.parley.deploy.lambda.PostgresLambda$Migrate::handleRequest");
  }

  /** Lambda retries a failed fan-out batch, then parks it in a queue rather than dropping it. */
  @Test
  void aFanOutBatchThatKeepsFailingLandsInAQueue() {
    JsonNode config = template.function("FanOutFunction").path("EventInvokeConfig");
    assertThat(config.path("MaximumRetryAttempts").asText()).isEqualTo("2");
    JsonNode onFailure = config.path("DestinationConfig").path("OnFailure");
    assertThat(onFailure.path("Type").asText()).isEqualTo("SQS");
    assertThat(onFailure.path("Destination")).isEqualTo(getAtt("FanOutFailureQueue", "Arn"));
    assertThat(template.type("FanOutFailureQueue")).isEqualTo("AWS::SQS::Queue");
  }

  @Test
  void theOutputsNameTheApisTheProxyAndTheSecret() {
    JsonNode outputs = template.section("Outputs");
    assertThat(outputs.path("HttpApiUrl").path("Value"))
        .isEqualTo(sub("https://${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}"));
    assertThat(outputs.path("WebSocketUrl").path("Value"))
        .isEqualTo(sub("wss://${WebSocketApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/live"));
    assertThat(outputs.path("DatabaseProxyEndpoint").path("Value"))
        .isEqualTo(getAtt("DatabaseProxy", "Endpoint"));
    assertThat(outputs.path("DatabaseSecretArn").path("Value")).isEqualTo(ref("DatabaseSecret"));
  }

  private JsonNode property(String resource, String name) {
    return template.resource(resource).path("Properties").path(name);
  }

  /** The managed policies a function lists, by logical id. */
  private List<String> policiesOf(String function) {
    List<String> names = new ArrayList<>();
    template
        .function(function)
        .path("Policies")
        .forEach(
            policy -> {
              assertThat(policy.has("Ref")).as("%s: %s", function, policy).isTrue();
              names.add(policy.get("Ref").asText());
            });
    return names;
  }

  private List<JsonNode> managedStatements(String policy) {
    assertThat(template.type(policy)).isEqualTo("AWS::IAM::ManagedPolicy");
    List<JsonNode> statements = new ArrayList<>();
    property(policy, "PolicyDocument").path("Statement").forEach(statements::add);
    return statements;
  }

  /** Every statement of every policy in the template, either branch of an Fn::If included. */
  private List<JsonNode> statements() {
    List<JsonNode> statements = new ArrayList<>();
    forEachNode(
        template.section("Resources"),
        node -> {
          if (node.isObject()
              && node.has("Effect")
              && node.has("Action")
              && !node.has("Principal")) {
            statements.add(node);
          }
        });
    return statements;
  }

  /** Ingress rules as "group from peer protocol port", inline and as resources of their own. */
  private List<String> ingressRules() {
    return rules(
        "SecurityGroupIngress", "AWS::EC2::SecurityGroupIngress", "SourceSecurityGroupId", "from");
  }

  /** Egress rules as "group to peer protocol port". */
  private List<String> egressRules() {
    return rules(
        "SecurityGroupEgress", "AWS::EC2::SecurityGroupEgress", "DestinationSecurityGroupId", "to");
  }

  private List<String> rules(String inline, String resourceType, String peerGroup, String word) {
    List<String> rules = new ArrayList<>();
    template
        .resourcesOfType("AWS::EC2::SecurityGroup")
        .forEach(
            (id, group) ->
                group
                    .path("Properties")
                    .path(inline)
                    .forEach(rule -> rules.add(rule(id, word, rule, peerGroup))));
    template
        .resourcesOfType(resourceType)
        .values()
        .forEach(
            resource -> {
              JsonNode rule = resource.path("Properties");
              rules.add(rule(groupOf(rule.path("GroupId")), word, rule, peerGroup));
            });
    return rules;
  }

  private static String rule(String group, String word, JsonNode rule, String peerGroup) {
    String peer = rule.has(peerGroup) ? groupOf(rule.get(peerGroup)) : rule.path("CidrIp").asText();
    String port = rule.has("FromPort") ? rule.path("FromPort").asText() : "null";
    if (rule.has("FromPort")) {
      assertThat(rule.path("ToPort").asText()).as("one port per rule").isEqualTo(port);
    }
    return String.join(" ", group, word, peer, rule.path("IpProtocol").asText(), port);
  }

  private static String groupOf(JsonNode groupId) {
    assertThat(groupId.path("Fn::GetAtt").path(1).asText()).as("%s", groupId).isEqualTo("GroupId");
    return groupId.path("Fn::GetAtt").path(0).asText();
  }

  private static void forEachNode(JsonNode node, Consumer<JsonNode> action) {
    action.accept(node);
    node.elements().forEachRemaining(child -> forEachNode(child, action));
  }
}
