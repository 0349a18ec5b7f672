package dev.parley.sample;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a fault test's clients saw, counted: requests sent, answers by status, failures by kind, and
 * what did not fit the scenario. {@link #toString()} is the line the reliability document quotes.
 */
final class FaultFigures {
  private final String scenario;
  private final AtomicInteger sent = new AtomicInteger();
  private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
  private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();

  FaultFigures(String scenario) {
    this.scenario = scenario;
  }

  void sent() {
    sent.incrementAndGet();
  }

  /** An answer ({@code "201"}) or a failure without one ({@code "refused"}, {@code "reset"}). */
  void outcome(String what) {
    outcomes.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
  }

  void unexpected(String what) {
    unexpected.add(what);
  }

  List<String> unexpected() {
    return List.copyOf(unexpected);
  }

  int count(String what) {
    AtomicInteger n = outcomes.get(what);
    return n == null ? 0 : n.get();
  }

  @Override
  public String toString() {
    Map<String, Integer> shown = new TreeMap<>();
    outcomes.forEach((k, v) -> shown.put(k, v.get()));
    return scenario
        + ": "
        + sent.get()
        + " requests, outcomes "
        + shown
        + ", unexpected "
        + unexpected.size()
        + (unexpected.isEmpty() ? "" : " " + unexpected.stream().limit(10).toList());
  }

  /** The room's whole history over HTTP, oldest first. */
  static List<JsonNode> history(ChatHttpClient api, String token, String room)
      throws IOException, InterruptedException {
    return history(api, token, room, 0);
  }

  /** The room's history after sequence {@code afterSeq} over HTTP, oldest first. */
  static List<JsonNode> history(ChatHttpClient api, String token, String room, long afterSeq)
      throws IOException, InterruptedException {
    List<JsonNode> all = new ArrayList<>();
    String query = "after=" + afterSeq + "&limit=100";
    for (int page = 0; page < 1000 && query != null; page++) {
      Reply reply = api.get("/rooms/" + room + "/messages?" + query, token);
      if (reply.status() != 200) {
        throw new AssertionError("history: " + reply);
      }
      JsonNode body = reply.json();
      body.path("messages").forEach(all::add);
      String cursor = body.path("newerCursor").asText(null);
      query =
          cursor == null || body.path("messages").isEmpty()
              ? null
              : "limit=100&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }
    return all;
  }
}
