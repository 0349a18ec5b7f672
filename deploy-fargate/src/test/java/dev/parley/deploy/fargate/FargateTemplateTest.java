package dev.parley.deploy.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.adapter.fargate.FargateServerConfig;
import dev.parley.deploy.lambda.CloudFormationTemplate;
import dev.parley.deploy.lambda.ResourceSpecification;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * template.yaml (ECS on Fargate behind an ALB) keeps to the CloudFormation resource schemas and to
 * what the server needs: the health check, the drain, the variables it reads.
 */
class FargateTemplateTest {
  private static final CloudFormationTemplate TEMPLATE =
      CloudFormationTemplate.read(Path.of("template.yaml"));

  @Test
  void everyResourceKeepsToItsSchemaAndEveryReferenceResolves() {
    ResourceSpecification spec =
        ResourceSpecification.load(
            Path.of(
                "..",
                "deploy-lambda",
                "resource-spec",
                "node_modules",
                "@aws-cdk",
                "aws-service-spec",
                "db.json.gz"));
    assertThat(spec.check(TEMPLATE)).isEmpty();
    // Every Ref and Sub names a parameter or resource; GetAtt attributes are the schemas' to judge
    // (above), not the reference check's short list of the Lambda templates' types.
    assertThat(TEMPLATE.unresolvedReferences())
        .filteredOn(finding -> !finding.contains("whose attributes this check does not know"))
        .isEmpty();
  }

  @Test
  void theLoadBalancerChecksReadinessAndWaitsForTheDrain() {
    JsonNode target = TEMPLATE.resource("TargetGroup").path("Properties");
    assertThat(target.path("HealthCheckPath").asText()).isEqualTo("/health/ready");
    assertThat(target.path("Port").asInt()).isEqualTo(FargateServerConfig.DEFAULT_PORT);
    int deregistration = attribute(target, "deregistration_delay.timeout_seconds");
    int drain = Integer.parseInt(variable("CHAT_DRAIN_SECONDS").asText());
    int stop = container().path("StopTimeout").asInt();
    assertThat(drain).isEqualTo((int) FargateServerConfig.DEFAULT_DRAIN.toSeconds());
    assertThat(deregistration).as("the ALB waits for the drain").isGreaterThan(drain);
    assertThat(stop).as("ECS waits for the drain before SIGKILL").isGreaterThan(deregistration);
    JsonNode balancer = TEMPLATE.resource("LoadBalancer").path("Properties");
    assertThat(attribute(balancer, "idle_timeout.timeout_seconds"))
        .as("idle sockets outlive the clients' ping interval")
        .isGreaterThanOrEqualTo(300);
  }

  @Test
  void theContainerGetsEveryVariableTheServerReadsForItsStore() {
    List<String> names = new ArrayList<>();
    container().path("Environment").forEach(v -> names.add(v.path("Name").asText()));
    assertThat(names)
        .contains(
            "CHAT_PORT",
            "CHAT_STORE",
            "CHAT_JWT_ISSUER",
            "CHAT_JWT_JWKS_URL",
            "CHAT_DYNAMODB_TABLE",
            "CHAT_BUS",
            "CHAT_REDIS_URL",
            "CHAT_POSTGRES_URL",
            "CHAT_CORS_ALLOWED_ORIGINS");
    assertThat(container().toString())
        .as("the database password comes from Secrets Manager, never a plain variable")
        .contains("CHAT_POSTGRES_PASSWORD")
        .doesNotContain("\"Name\":\"CHAT_POSTGRES_PASSWORD\",\"Value\"");
  }

  @Test
  void theTableIsKeptAndRestorable() {
    JsonNode table = TEMPLATE.resource("ChatTable");
    assertThat(table.path("DeletionPolicy").asText()).isEqualTo("Retain");
    assertThat(
            table
                .at("/Properties/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled")
                .asBoolean())
        .isTrue();
  }

  private static JsonNode container() {
    return TEMPLATE.resource("TaskDefinition").at("/Properties/ContainerDefinitions/0");
  }

  private static JsonNode variable(String name) {
    for (JsonNode variable : container().path("Environment")) {
      if (variable.path("Name").asText().equals(name)) {
        return variable.path("Value");
      }
    }
    throw new AssertionError("no variable " + name);
  }

  private static int attribute(JsonNode properties, String key) {
    for (JsonNode attribute :
        properties.path(
            properties.has("TargetGroupAttributes")
                ? "TargetGroupAttributes"
                : "LoadBalancerAttributes")) {
      if (attribute.path("Key").asText().equals(key)) {
        return Integer.parseInt(attribute.path("Value").asText());
      }
    }
    throw new AssertionError("no attribute " + key);
  }
}
