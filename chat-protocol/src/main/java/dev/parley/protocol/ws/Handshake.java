package dev.parley.protocol.ws;

import dev.parley.domain.user.UserId;
import dev.parley.protocol.auth.Authentication;
import dev.parley.protocol.auth.Authenticator;
import dev.parley.protocol.auth.BearerTokens;
import dev.parley.protocol.auth.WebSocketCredentials;
import dev.parley.protocol.http.Problem;
import dev.parley.protocol.http.ProblemException;
import dev.parley.protocol.http.Problems;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides a WebSocket handshake for every runtime (the Jetty upgrade, Lambda's {@code $connect} and
 * its authorizer): who the client is, and which subprotocol to echo.
 *
 * <p>The token is taken from {@code Authorization: Bearer}, else from a {@code parley.token.<jwt>}
 * subprotocol (browsers cannot set headers on a WebSocket), else from the {@code token} query
 * parameter. Whenever the client offered subprotocols, one is echoed (the first that is not a token
 * one, else the token one), since browsers close a connection whose server picked none.
 */
@Singleton
public final class Handshake {
  static final String MISSING =
      "a bearer token is required: Authorization: Bearer <token>, a Sec-WebSocket-Protocol "
          + BearerTokens.TOKEN_SUBPROTOCOL_PREFIX
          + "<token>, or the "
          + BearerTokens.QUERY_PARAMETER
          + " query parameter";

  /**
   * A connection outliving its token is closed with 1008 (policy violation) and this reason; the
   * client reconnects with a fresh token and resumes from the sequences it has.
   */
  public static final int TOKEN_EXPIRED_CODE = 1008;

  public static final String TOKEN_EXPIRED_REASON = "token expired";

  private final Authenticator authenticator;

  @Inject
  public Handshake(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  /**
   * What a runtime found in an upgrade request. {@link #toString()} hides the credentials.
   *
   * @param authorization the {@code Authorization} header's value, or null
   * @param offeredSubprotocols the offered subprotocols, one per element or whole {@code
   *     Sec-WebSocket-Protocol} lines; null is none
   * @param query the decoded query parameters (the first value of each); null is none
   * @param authorizedUser the user a gateway's authorizer already vouched for, or null to check the
   *     token here
   * @param requestId the id quoted in a refusal; never null
   */
  public record Request(
      String authorization,
      List<String> offeredSubprotocols,
      Map<String, String> query,
      UserId authorizedUser,
      String requestId) {
    public Request {
      offeredSubprotocols = offeredSubprotocols == null ? List.of() : offeredSubprotocols;
      query = query == null ? Map.of() : query;
      Objects.requireNonNull(requestId, "requestId");
    }

    @Override
    public String toString() {
      return "Handshake.Request[requestId=" + requestId + ", credentials=<redacted>]";
    }
  }

  /** The decision on a handshake; never null. */
  public sealed interface Outcome permits Accepted, Refused {}

  /**
   * The connection may open for {@code user} (never null); the runtime echoes {@code subprotocol},
   * null when the client offered none. At {@code expiresAt}, when the token runs out, the runtime
   * closes the connection with {@link #TOKEN_EXPIRED_CODE}; null when a gateway's authorizer
   * vouched for the user and the token was not read here.
   */
  public record Accepted(UserId user, String subprotocol, Instant expiresAt) implements Outcome {
    public Accepted {
      Objects.requireNonNull(user, "user");
    }

    @Override
    public String toString() {
      return "Accepted[user=" + user + "]";
    }
  }

  /**
   * The connection must not open; the runtime answers with {@code problem} (never null). {@code
   * fault} is the unexpected exception behind an internal error, for the runtime to log, else null.
   */
  public record Refused(Problem problem, Throwable fault) implements Outcome {
    public Refused {
      Objects.requireNonNull(problem, "problem");
    }
  }

  /** Decides the handshake. Never throws: a fault of the identity resolver is a refusal too. */
  public Outcome accept(Request request) {
    Optional<WebSocketCredentials> inSubprotocol =
        BearerTokens.fromOfferedSubprotocols(request.offeredSubprotocols());
    try {
      String echo = echo(request.offeredSubprotocols(), inSubprotocol);
      if (request.authorizedUser() != null) {
        return new Accepted(request.authorizedUser(), echo, null);
      }
      Authentication.Authenticated ok =
          authenticator.authenticate(token(request, inSubprotocol), MISSING);
      return new Accepted(ok.userId(), echo, ok.expiresAt());
    } catch (ProblemException e) {
      return new Refused(e.problem(), null);
    } catch (RuntimeException e) {
      return new Refused(Problems.internal(request.requestId()), e);
    }
  }

  private static Optional<String> token(
      Request request, Optional<WebSocketCredentials> inSubprotocol) {
    return BearerTokens.fromAuthorizationHeader(request.authorization())
        .or(() -> inSubprotocol.map(WebSocketCredentials::token))
        .or(() -> BearerTokens.fromQueryParameters(request.query()));
  }

  private static String echo(List<String> offered, Optional<WebSocketCredentials> inSubprotocol) {
    if (inSubprotocol.isPresent()) {
      return inSubprotocol.get().subprotocolToEcho();
    }
    for (String line : offered) {
      if (line == null) {
        continue;
      }
      for (String protocol : line.split(",")) {
        String name = protocol.strip();
        if (!name.isEmpty() && !name.startsWith(BearerTokens.TOKEN_SUBPROTOCOL_PREFIX)) {
          return name;
        }
      }
    }
    return null;
  }
}
