package dev.parley.protocol.rest;

import dev.parley.application.error.ChatException;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.auth.Authentication;
import dev.parley.protocol.auth.BearerTokens;
import dev.parley.protocol.auth.IdentityResolver;
import dev.parley.protocol.http.ApiRequest;
import dev.parley.protocol.http.ApiResponse;
import dev.parley.protocol.http.Problem;
import dev.parley.protocol.http.ProblemException;
import dev.parley.protocol.http.ProblemType;
import dev.parley.protocol.http.Problems;
import dev.parley.protocol.json.Json;
import dev.parley.protocol.json.ProblemJson;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The REST API in one call: size check, authentication, routing, and error mapping. Every runtime
 * hands it an {@link ApiRequest} and writes out the {@link ApiResponse}; a client mistake is always
 * a 4xx problem, and an unexpected fault a bare 500 with the fault attached for the runtime's log.
 */
@Singleton
public final class RestApi {
  /** Larger bodies are refused with 413 (the runtimes stop reading past this too). */
  public static final int MAX_BODY_BYTES = 1_048_576;

  private final List<Route> routes;
  private final IdentityResolver identity;

  @Inject
  public RestApi(
      RoomRoutes rooms,
      MemberRoutes members,
      MessageRoutes messages,
      ReadAndPresenceRoutes readAndPresence,
      IdentityResolver identity) {
    List<Route> all = new ArrayList<>();
    all.addAll(rooms.routes());
    all.addAll(members.routes());
    all.addAll(messages.routes());
    all.addAll(readAndPresence.routes());
    this.routes = List.copyOf(all);
    this.identity = identity;
  }

  /** The route table, for documentation checks and runtimes that route themselves. */
  public List<Route> routes() {
    return routes;
  }

  public ApiResponse handle(ApiRequest request) {
    try {
      if (request.body().length > MAX_BODY_BYTES) {
        throw ProblemException.of(
            ProblemType.PAYLOAD_TOO_LARGE, "the body is larger than " + MAX_BODY_BYTES + " bytes");
      }
      UserId user = authenticate(request);
      List<String> segments = PathTemplate.split(request.path());
      TreeSet<String> allowed = null; // only a 405 needs it
      for (Route route : routes) {
        Map<String, String> variables = route.path().match(segments);
        if (variables == null) {
          continue;
        }
        if (route.method().equals(request.method())) {
          return route.handler().handle(new Call(request, user, variables));
        }
        if (allowed == null) {
          allowed = new TreeSet<>();
        }
        allowed.add(route.method());
      }
      if (allowed != null) {
        return problem(
            Problem.of(ProblemType.METHOD_NOT_ALLOWED, request.method() + " is not allowed here")
                .withHeader("Allow", String.join(", ", allowed)),
            request);
      }
      throw ProblemException.of(ProblemType.NOT_FOUND, "no resource at " + request.path());
    } catch (ProblemException e) {
      return problem(e.problem(), request);
    } catch (ChatException e) {
      return problem(Problems.of(e), request);
    } catch (RuntimeException e) {
      ApiResponse response = problem(Problems.internal(request.requestId()), request);
      return new ApiResponse(response.status(), response.headers(), response.body(), e);
    }
  }

  /** The problem as an {@code application/problem+json} response with its headers. */
  public static ApiResponse problem(Problem problem, ApiRequest request) {
    ApiResponse response =
        new ApiResponse(
            problem.type().status(),
            Map.of("Content-Type", ApiResponse.PROBLEM_JSON),
            Json.write(ProblemJson.of(problem, request.requestId())),
            null);
    for (Map.Entry<String, String> header : problem.headers().entrySet()) {
      response = response.withHeader(header.getKey(), header.getValue());
    }
    return response;
  }

  private UserId authenticate(ApiRequest request) {
    if (request.authenticatedUser() != null) {
      return request.authenticatedUser();
    }
    Optional<String> token = BearerTokens.fromAuthorizationHeader(request.header("authorization"));
    if (token.isEmpty()) {
      throw unauthenticated("a bearer token is required (Authorization: Bearer <token>)");
    }
    return switch (identity.authenticate(token.get())) {
      case Authentication.Authenticated ok -> ok.userId();
      case Authentication.Rejected rejected -> throw unauthenticated(rejected.reason());
      case Authentication.Unavailable unavailable ->
          throw new ProblemException(
              Problem.of(ProblemType.AUTHENTICATION_UNAVAILABLE, unavailable.reason())
                  .withHeader("Retry-After", "5"));
    };
  }

  private static ProblemException unauthenticated(String detail) {
    return new ProblemException(
        Problem.of(ProblemType.UNAUTHENTICATED, detail)
            .withHeader("WWW-Authenticate", "Bearer realm=\"parley\""));
  }
}
