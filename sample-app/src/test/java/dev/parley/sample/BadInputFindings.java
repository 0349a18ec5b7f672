package dev.parley.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Tallies what the server answered to bad input and keeps every broken rule, grouped by kind, so
 * that one run shows all failures rather than the first.
 */
final class BadInputFindings {
  private static final String PROBLEMS = "https://parley.dev/problems/";
  private static final ObjectMapper STRICT = new ObjectMapper();

  /** A fully qualified class name, a stack frame or an exception's simple name. */
  private static final Pattern LEAK =
      Pattern.compile(
          "\\b(?:java|javax|jakarta|sun|com|org|dev|software|io|net)\\.[a-z_][\\w$]*\\.[\\w$.]*[A-Z]"
              + "|[A-Za-z]Exception\\b|[A-Za-z]Error\\b|\\.java:\\d+|\\bat [\\w$.]+\\(");

  private final boolean gatewayFormatAllowed;
  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private final Map<String, Integer> servers = new TreeMap<>();
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private int requests;
  private int frames;
  private int answers;

  /**
   * @param gatewayFormatAllowed whether a 4xx may also be API Gateway's own {@code {"message":
   *     "..."}} (behind the emulator)
   */
  BadInputFindings(boolean gatewayFormatAllowed) {
    this.gatewayFormatAllowed = gatewayFormatAllowed;
  }

  private record Group(String key, String sample, int[] count) {}

  synchronized void answered(MalformedRequests.FuzzRequest request, RawHttp.Response response) {
    requests++;
    statuses.merge(response.status(), 1, Integer::sum);
    servers.merge(response.headers().getOrDefault("server", "(none)"), 1, Integer::sum);
    for (String broken : brokenRules(request, response)) {
      fail(
          broken + " | " + response.status() + " | " + request.kind() + " | " + request.route(),
          request.describe() + "\n      -> " + shown(response));
    }
  }

  synchronized void unanswered(MalformedRequests.FuzzRequest request, Exception error) {
    requests++;
    fail(
        "no HTTP answer | - | " + request.kind() + " | " + request.route(),
        request.describe() + "\n      -> " + error);
  }

  synchronized void frameSent(int answered) {
    frames++;
    answers += answered;
  }

  /** A broken rule of the WebSocket half or of the final valid chat. */
  synchronized void fail(String key, String sample) {
    groups.computeIfAbsent(key, k -> new Group(k, sample, new int[1])).count()[0]++;
  }

  synchronized boolean clean() {
    return groups.isEmpty();
  }

  /** The figures of the run, for docs/reliability.md. */
  synchronized String figures() {
    return "requests "
        + requests
        + ", statuses "
        + statuses
        + ", Server headers "
        + servers
        + "; frames "
        + frames
        + ", answers "
        + answers;
  }

  /** Every group of failures, most frequent first, each with one sample. */
  synchronized String report() {
    List<Group> sorted = new ArrayList<>(groups.values());
    sorted.sort((a, b) -> Integer.compare(b.count()[0], a.count()[0]));
    StringBuilder out = new StringBuilder(figures()).append('\n');
    out.append(sorted.size()).append(" kinds of failure (rule | status | defect | route):\n");
    for (Group group : sorted) {
      out.append("  ").append(group.count()[0]).append(" x ").append(group.key()).append('\n');
      out.append("      ").append(group.sample()).append('\n');
    }
    return out.toString();
  }

  private List<String> brokenRules(
      MalformedRequests.FuzzRequest request, RawHttp.Response response) {
    String method = request.method();
    List<String> broken = new ArrayList<>();
    String body = response.text();
    // The one 5xx a client mistake may get: RFC 9110's 505 for a request line whose version the
    // server does not serve, as a problem (the hardening issue asks to keep that status).
    boolean versionRefused =
        response.status() == 505
            && !SERVED_VERSIONS.contains(request.version())
            && isProblem(response)
            && parse(body).path("type").asText().endsWith("/http-version-not-supported");
    if (response.status() >= 500 && !versionRefused) {
      broken.add("5xx");
    }
    // The API documents the server serves (application/yaml) are our own text, where a name such
    // as the response component "InternalError" is no leak; every other answer is checked.
    boolean document =
        response.status() == 200 && response.contentType().startsWith("application/yaml");
    if (!document && LEAK.matcher(body).find()) {
      broken.add("class name or stack trace in body");
    }
    boolean bodyless = method.equals("HEAD") || response.status() < 200;
    if (response.status() >= 400 && response.status() < 500 && !bodyless) {
      if (!isProblem(response) && !(gatewayFormatAllowed && isGatewayMessage(response))) {
        broken.add("4xx not problem+json");
      }
    }
    return broken;
  }

  /** The request-line versions the servers answer as HTTP/1. */
  private static final java.util.Set<String> SERVED_VERSIONS =
      java.util.Set.of("HTTP/1.0", "HTTP/1.1");

  private static boolean isProblem(RawHttp.Response response) {
    JsonNode json = parse(response.text());
    return response.contentType().startsWith("application/problem+json")
        && json != null
        && json.path("type").asText().startsWith(PROBLEMS)
        && json.path("status").asInt() == response.status();
  }

  private static boolean isGatewayMessage(RawHttp.Response response) {
    JsonNode json = parse(response.text());
    return response.contentType().startsWith("application/json")
        && json != null
        && json.size() == 1
        && json.path("message").isTextual();
  }

  static JsonNode parse(String text) {
    try {
      JsonNode node = STRICT.readTree(text);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  static boolean leaks(String text) {
    return LEAK.matcher(text).find();
  }

  private static String shown(RawHttp.Response response) {
    String body = response.text();
    return response.status()
        + " ["
        + response.contentType()
        + "] "
        + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
  }
}
