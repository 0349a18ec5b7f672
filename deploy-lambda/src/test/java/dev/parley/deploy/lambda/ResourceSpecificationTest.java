package dev.parley.deploy.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Both templates' CloudFormation resources keep to the resource schemas, and the check finds what
 * it is for: each injected mistake below is one that a deploy would otherwise reveal only in AWS.
 */
class ResourceSpecificationTest {
  private final ResourceSpecification spec = ResourceSpecification.load();

  @Test
  void theDynamoDbTemplateKeepsToTheSchemas() {
    assertThat(spec.check(SamTemplate.dynamoDb())).isEmpty();
  }

  @Test
  void thePostgresTemplateKeepsToTheSchemas() {
    assertThat(spec.check(SamTemplate.postgres())).isEmpty();
  }

  @Test
  void anUnknownPropertyIsFound() {
    assertThat(check("HttpApiStage", "      AutoDeploy: true", "      AutoDeployy: true"))
        .anyMatch(finding -> finding.contains("HttpApiStage: no property AutoDeployy"));
  }

  @Test
  void aMissingRequiredPropertyIsFound() {
    assertThat(check("HttpApiAuthorizer", "      Name: parley-jwt\n", ""))
        .anyMatch(finding -> finding.contains("required property Name is missing"));
  }

  @Test
  void aValueOfTheWrongTypeIsFound() {
    assertThat(
            check(
                "HttpApiAuthorizer",
                "      IdentitySource: [$request.header.Authorization]",
                "      IdentitySource: {Header: Authorization}"))
        .anyMatch(finding -> finding.contains("HttpApiAuthorizer.IdentitySource: expected array"));
  }

  @Test
  void aNestedPropertyOfTheWrongNameIsFound() {
    assertThat(
            check(
                "HttpApiStage",
                "        DestinationArn: !GetAtt HttpApiAccessLogs.Arn",
                "        Destination: !GetAtt HttpApiAccessLogs.Arn"))
        .anyMatch(finding -> finding.contains("AccessLogSettings: no property Destination"));
  }

  @Test
  void anAttributeTheResourceDoesNotHaveIsFound() {
    assertThat(
            check(
                "HttpApiStage",
                "!GetAtt HttpApiAccessLogs.Arn",
                "!GetAtt HttpApiAccessLogs.LogGroupArn"))
        .anyMatch(finding -> finding.contains("AWS::Logs::LogGroup has no LogGroupArn"));
  }

  @Test
  void anUnknownResourceTypeIsFound() {
    assertThat(check("HttpApiStage", "AWS::ApiGatewayV2::Stage", "AWS::ApiGatewayV2::Stages"))
        .anyMatch(finding -> finding.contains("no resource type AWS::ApiGatewayV2::Stages"));
  }

  /** The findings for template.yaml with {@code from} replaced by {@code to} in one resource. */
  private List<String> check(String resource, String from, String to) {
    String original = SamTemplate.resource(resource);
    assertThat(original).as("the resource to break").contains(from);
    String broken =
        SamTemplate.text()
            .replace(
                original,
                original.replaceFirst(quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    assertThat(broken).isNotEqualTo(SamTemplate.text());
    return spec.check(CloudFormationTemplate.parse("broken template.yaml", broken));
  }

  private static String quote(String text) {
    return java.util.regex.Pattern.quote(text);
  }
}
