package dev.parley.deploy.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every reference of a template names something it declares, as CloudFormation (and SAM
 * before it) would when the stack is created: {@code Ref} a parameter, a resource or a pseudo
 * parameter; {@code Fn::GetAtt} an attribute of a resource; each {@code ${X}} and {@code ${X.Attr}}
 * of an {@code Fn::Sub} one of those or a variable of the Sub itself; {@code Fn::If} and {@code
 * Condition} a condition; {@code DependsOn} a resource. SAM's {@code Function.Alias} and {@code
 * Function.Version} count for functions with an AutoPublishAlias.
 */
final class TemplateReferences {
  /** CloudFormation's pseudo parameters. */
  static final Set<String> PSEUDO_PARAMETERS =
      Set.of(
          "AWS::AccountId",
          "AWS::NotificationARNs",
          "AWS::NoValue",
          "AWS::Partition",
          "AWS::Region",
          "AWS::StackId",
          "AWS::StackName",
          "AWS::URLSuffix");

  /**
   * The {@code Fn::GetAtt} attributes of the resource types the templates read attributes of. A
   * type missing here is reported, so that an attribute is never accepted unchecked: add its type,
   * with the attributes its CloudFormation reference lists, when a template starts reading one.
   */
  static final Map<String, Set<String>> ATTRIBUTES =
      Map.ofEntries(
          Map.entry(CloudFormationTemplate.FUNCTION, Set.of("Arn")),
          Map.entry("AWS::DynamoDB::Table", Set.of("Arn", "StreamArn")),
          Map.entry("AWS::EC2::EIP", Set.of("AllocationId", "PublicIp")),
          Map.entry("AWS::EC2::SecurityGroup", Set.of("GroupId", "VpcId")),
          Map.entry("AWS::IAM::Role", Set.of("Arn", "RoleId")),
          Map.entry("AWS::Logs::LogGroup", Set.of("Arn")),
          Map.entry(
              "AWS::RDS::DBCluster",
              Set.of(
                  "DBClusterArn",
                  "DBClusterResourceId",
                  "Endpoint.Address",
                  "Endpoint.Port",
                  "ReadEndpoint.Address")),
          Map.entry("AWS::RDS::DBProxy", Set.of("DBProxyArn", "Endpoint", "VpcId")),
          Map.entry("AWS::SQS::Queue", Set.of("Arn", "QueueName", "QueueUrl")));

  /** What SAM generates for a function with an AutoPublishAlias, readable as Function.X. */
  private static final Set<String> SAM_FUNCTION_REFERENCES = Set.of("Alias", "Version");

  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private final CloudFormationTemplate template;
  private final Set<String> parameters;
  private final Set<String> resources;
  private final Set<String> conditions;
  private final List<String> problems = new ArrayList<>();

  TemplateReferences(CloudFormationTemplate template) {
    this.template = template;
    this.parameters = template.names("Parameters");
    this.resources = template.names("Resources");
    this.conditions = template.names("Conditions");
  }

  /** One line per reference that names nothing, saying where it is. */
  List<String> unresolved() {
    problems.clear();
    for (String section : List.of("Conditions", "Globals", "Outputs")) {
      walk(template.section(section), section);
    }
    CloudFormationTemplate.fields(template.section("Resources"))
        .forEach(
            (id, resource) -> {
              String at = "Resources." + id;
              JsonNode condition = resource.get("Condition");
              if (condition != null) {
                condition(condition.asText(), at + ".Condition");
              }
              JsonNode dependsOn = resource.path("DependsOn");
              List<JsonNode> targets = new ArrayList<>();
              if (dependsOn.isArray()) {
                dependsOn.forEach(targets::add);
              } else if (!dependsOn.isMissingNode()) {
                targets.add(dependsOn);
              }
              for (JsonNode target : targets) {
                if (!resources.contains(target.asText())) {
                  problems.add(at + ".DependsOn: no resource " + target.asText());
                }
              }
              walk(resource.path("Properties"), at + ".Properties");
            });
    return List.copyOf(problems);
  }

  private void walk(JsonNode node, String at) {
    if (node.isObject() && node.size() == 1) {
      String function = node.fieldNames().next();
      JsonNode argument = node.get(function);
      switch (function) {
        case "Ref" -> {
          ref(argument.asText(), at);
          return;
        }
        case "Fn::GetAtt" -> {
          getAtt(argument.path(0).asText(), argument.path(1).asText(), at);
          return;
        }
        case "Fn::Sub" -> {
          sub(argument, at);
          return;
        }
        case "Fn::If" -> condition(argument.path(0).asText(), at + ".Fn::If");
        case "Condition" -> {
          condition(argument.asText(), at);
          return;
        }
        case "Fn::FindInMap" -> problems.add(at + ": Fn::FindInMap is not checked here");
        default -> {
          // Any other function or property: its arguments are walked below.
        }
      }
    }
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> walk(e.getValue(), at + "." + e.getKey()));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), at + "[" + i + "]");
      }
    }
  }

  private void ref(String target, String at) {
    if (parameters.contains(target)
        || resources.contains(target)
        || PSEUDO_PARAMETERS.contains(target)) {
      return;
    }
    int dot = target.indexOf('.');
    if (dot > 0 && samFunctionReference(target.substring(0, dot), target.substring(dot + 1))) {
      return;
    }
    problems.add(at + ": Ref " + target + " is no parameter, resource or pseudo parameter");
  }

  private void getAtt(String resource, String attribute, String at) {
    if (!resources.contains(resource)) {
      problems.add(at + ": GetAtt " + resource + "." + attribute + " names no resource");
      return;
    }
    if (samFunctionReference(resource, attribute)) {
      return;
    }
    String type = template.type(resource);
    Set<String> known = ATTRIBUTES.get(type);
    if (known == null) {
      problems.add(at + ": GetAtt of a " + type + ", whose attributes this check does not know");
    } else if (!known.contains(attribute)) {
      problems.add(at + ": a " + type + " has no attribute " + attribute + " (" + known + ")");
    }
  }

  /** {@code Fn::Sub} with a string, or with a string and its own variables. */
  private void sub(JsonNode argument, String at) {
    String text;
    Set<String> variables;
    if (argument.isArray()) {
      text = argument.path(0).asText();
      variables = CloudFormationTemplate.fields(argument.path(1)).keySet();
      walk(argument.path(1), at + ".Fn::Sub[1]");
    } else {
      text = argument.asText();
      variables = Set.of();
    }
    Matcher m = SUB_VARIABLE.matcher(text);
    while (m.find()) {
      String variable = m.group(1);
      if (variable.startsWith("!") || variables.contains(variable)) {
        continue; // ${!Literal} is written as is; a Sub's own variable is its to resolve
      }
      int dot = variable.indexOf('.');
      if (dot < 0) {
        ref(variable, at + " ${" + variable + "}");
      } else {
        getAtt(
            variable.substring(0, dot), variable.substring(dot + 1), at + " ${" + variable + "}");
      }
    }
  }

  private void condition(String name, String at) {
    if (!conditions.contains(name)) {
      problems.add(at + ": no condition " + name);
    }
  }

  private boolean samFunctionReference(String resource, String attribute) {
    return SAM_FUNCTION_REFERENCES.contains(attribute) && template.publishesVersions(resource);
  }
}
