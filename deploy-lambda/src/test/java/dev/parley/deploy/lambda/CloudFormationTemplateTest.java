package dev.parley.deploy.lambda;

import static dev.parley.deploy.lambda.CloudFormationTemplate.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The template reader and its reference check, on the module's own templates: both resolve, and
 * each way of writing a reference that names nothing is caught, so that the checks of {@link
 * PostgresTemplateResourcesTest} and {@link SamTemplateTest} can fail.
 */
class CloudFormationTemplateTest {

  @Test
  void bothTemplatesReferenceOnlyWhatTheyDeclare() {
    assertThat(SamTemplate.dynamoDb().unresolvedReferences()).isEmpty();
    assertThat(SamTemplate.postgres().unresolvedReferences()).isEmpty();
  }

  /** One reference of template-postgres.yaml as written, broken, and the name the report gives. */
  static Stream<Arguments> brokenReferences() {
    return Stream.of(
        // !Ref of a resource, of a parameter
        arguments(
            "SecretArn: !Ref DatabaseSecret", "SecretArn: !Ref DatabaseSecrets", "DatabaseSecrets"),
        arguments(
            "EngineVersion: !Ref EngineVersion",
            "EngineVersion: !Ref EngineVersions",
            "EngineVersions"),
        // !GetAtt of a resource that does not exist, of an attribute its type does not have
        arguments(
            "!GetAtt DatabaseProxyRole.Arn",
            "!GetAtt DatabaseProxyRoles.Arn",
            "DatabaseProxyRoles"),
        arguments("!GetAtt FanOutFailureQueue.Arn", "!GetAtt FanOutFailureQueue.Url", "Url"),
        // ${X} and ${X.Attr} in a !Sub
        arguments("${AWS::StackName}-proxy", "${StackName}-proxy", "StackName"),
        arguments("${DatabaseProxy.Endpoint}:5432", "${DatabaseProxy.Address}:5432", "Address"),
        // SAM's Function.Alias of no function
        arguments(
            "Resource: !Ref FanOutFunction.Alias",
            "Resource: !Ref FanoutFunction.Alias",
            "FanoutFunction.Alias"),
        // the condition of an !If, of a resource
        arguments("IAMAuth: !If [UseIamAuth,", "IAMAuth: !If [UseIam,", "UseIam"),
        arguments(
            "LambdaEndpoint:\n    Type: AWS::EC2::VPCEndpoint\n    Condition: CreatePrivateEndpoints",
            "LambdaEndpoint:\n    Type: AWS::EC2::VPCEndpoint\n    Condition: CreateEndpoints",
            "CreateEndpoints"),
        // DependsOn
        arguments(
            "NatAddress:\n    Type: AWS::EC2::EIP\n    DependsOn: InternetGatewayAttachment",
            "NatAddress:\n    Type: AWS::EC2::EIP\n    DependsOn: GatewayAttachment",
            "GatewayAttachment"));
  }

  /**
   * Breaks one reference of template-postgres.yaml, written one way, and expects exactly that one
   * to be reported, naming what it names.
   */
  @ParameterizedTest(name = "{1}")
  @MethodSource("brokenReferences")
  void aReferenceThatNamesNothingIsReported(String written, String broken, String named) {
    CloudFormationTemplate template = SamTemplate.postgres();
    String text = template.text();
    assertThat(text).as("the template still has what this case breaks").containsOnlyOnce(written);

    CloudFormationTemplate mutated =
        CloudFormationTemplate.parse("mutated", text.replace(written, broken));

    assertThat(mutated.unresolvedReferences()).singleElement().asString().contains(named);
  }

  @Test
  void shortFormTagsReadAsTheLongFormCloudFormationSees() {
    assertThat(yaml("!Ref X")).isEqualTo(yaml("{Ref: X}"));
    assertThat(yaml("!GetAtt Cluster.Endpoint.Address"))
        .isEqualTo(yaml("{'Fn::GetAtt': [Cluster, Endpoint.Address]}"));
    assertThat(yaml("!Sub '${A}-b'")).isEqualTo(yaml("{'Fn::Sub': '${A}-b'}"));
    assertThat(yaml("!If [C, !Ref AWS::NoValue, x]"))
        .isEqualTo(yaml("{'Fn::If': [C, {Ref: AWS::NoValue}, x]}"));
    assertThat(yaml("!Select [0, !GetAZs '']"))
        .isEqualTo(yaml("{'Fn::Select': ['0', {'Fn::GetAZs': ''}]}"));
  }

  /** CloudFormation refuses a template that repeats a key; a map would keep only the last. */
  @Test
  void aRepeatedKeyIsRefused() {
    assertThatThrownBy(
            () -> CloudFormationTemplate.parse("repeated", "Resources:\n  A: 1\n  A: 2\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate key .Resources.A");
  }

  /** SAM merges Globals into each function: maps key by key, lists appended, values replaced. */
  @Test
  void functionsSeeTheGlobalsAsSamMergesThem() {
    CloudFormationTemplate template = SamTemplate.postgres();
    assertThat(template.function("MigrateFunction").path("SnapStart").path("ApplyOn").asText())
        .isEqualTo("None");
    assertThat(template.function("HttpFunction").path("SnapStart").path("ApplyOn").asText())
        .isEqualTo("PublishedVersions");
    assertThat(template.variables("HttpFunction"))
        .containsKeys("CHAT_POSTGRES_URL", "CHAT_FANOUT_FUNCTION");
    assertThat(template.function("FanOutFunction").path("Timeout").asText()).isEqualTo("120");
    assertThat(template.function("HttpFunction").path("Timeout").asText()).isEqualTo("29");
  }
}
