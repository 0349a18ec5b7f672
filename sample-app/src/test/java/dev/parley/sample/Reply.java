package dev.parley.sample;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/** An HTTP response as a test sees it; {@link #toString()} shows enough to debug a failure. */
record Reply(String request, int status, HttpHeaders headers, String body) {

  /** The body parsed as JSON. */
  JsonNode json() {
    return TestJson.parse(body);
  }

  /** The first value of a header, or null. */
  String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  @Override
  public String toString() {
    String shown = body.length() > 600 ? body.substring(0, 600) + "..." : body;
    return request + " -> " + status + " " + headers.map() + " " + shown;
  }
}
