package dev.parley.protocol.http;

import dev.parley.domain.user.UserId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request as every runtime hands it to the protocol.
 *
 * @param method upper-case method, never null
 * @param path the raw, still percent-encoded path, starting with '/'
 * @param query decoded query parameters; never null
 * @param headers header values by lower-case name (the first value where there are several)
 * @param body the request body; empty, never null
 * @param authenticatedUser a user the runtime has already authenticated (an API Gateway
 *     authorizer), or null to let the protocol verify the bearer token itself
 * @param requestId an id for logs and problem details; never null
 */
public record ApiRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, String> headers,
    byte[] body,
    UserId authenticatedUser,
    String requestId) {

  public ApiRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    query = query == null ? Map.of() : query;
    headers = headers == null ? Map.of() : headers;
    body = body == null ? new byte[0] : body;
    Objects.requireNonNull(requestId, "requestId");
  }

  /** The header's value, or null; the name is matched case-insensitively. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The first value of a query parameter, or null. */
  public String queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
