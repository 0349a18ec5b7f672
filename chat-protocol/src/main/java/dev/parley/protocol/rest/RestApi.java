package dev.parley.protocol.rest;

import dev.parley.application.error.ChatException;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.auth.Authenticator;
import dev.parley.protocol.auth.BearerTokens;
import dev.parley.protocol.http.ApiRequest;
import dev.parley.protocol.http.ApiResponse;
import dev.parley.protocol.http.Problem;
import dev.parley.protocol.http.ProblemException;
import dev.parley.protocol.http.ProblemType;
import dev.parley.protocol.http.Problems;
import dev.parley.protocol.json.ProblemResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The REST API in one call: size check, authentication, routing, and error mapping. Every runtime
 * hands it an {@link ApiRequest} and writes out the response of the {@link RestOutcome}, which also
 * names the route, the user and any fault for the runtime's logs; a client mistake is always a 4xx
 * problem, and an unexpected fault a bare 500.
 */
@Singleton
public final class RestApi {
  /** Larger bodies are refused with 413 (the runtimes stop reading past this too). */
  public static final int MAX_BODY_BYTES = 1_048_576;

  private static final String ROOM_ID = "roomId";

  private final List<Route> routes;
  private final Authenticator authenticator;

  @Inject
  public RestApi(
      RoomRoutes rooms,
      MemberRoutes members,
      MessageRoutes messages,
      ReadAndPresenceRoutes readAndPresence,
      ListingRoutes listings,
      DocumentRoutes documents,
      BlockRoutes blocks,
      Authenticator authenticator) {
    List<Route> all = new ArrayList<>();
    all.addAll(rooms.routes());
    all.addAll(members.routes());
    all.addAll(messages.routes());
    all.addAll(readAndPresence.routes());
    all.addAll(listings.routes());
    all.addAll(documents.routes());
    all.addAll(blocks.routes());
    this.routes = List.copyOf(all);
    this.authenticator = authenticator;
  }

  /** The route table, for documentation checks and runtimes that route themselves. */
  public List<Route> routes() {
    return routes;
  }

  /**
   * Answers the request. Never throws: a client mistake is a 4xx problem, an unexpected fault a 500
   * problem with the fault in {@link RestOutcome#fault()}.
   */
  public RestOutcome handle(ApiRequest request) {
    List<String> segments = PathTemplate.split(request.path());
    Route named = null; // the first route with this path, whatever the method: the log's name
    Route target = null;
    TreeSet<String> allowed = null; // only a 405 needs it
    for (Route route : routes) {
      if (!route.path().fits(segments)) {
        continue;
      }
      if (named == null) {
        named = route;
      }
      if (route.method().equals(request.method())) {
        target = route;
        break;
      }
      if (allowed == null) {
        allowed = new TreeSet<>();
      }
      allowed.add(route.method());
    }
    String template = named == null ? null : named.path().template();
    String roomId = named == null ? null : loggableRoomId(named.path().variable(segments, ROOM_ID));
    UserId user = request.authenticatedUser();
    ApiResponse response;
    Throwable fault = null;
    try {
      Optional<Problem> tooLarge = oversized(request.body().length);
      if (tooLarge.isPresent()) {
        throw new ProblemException(tooLarge.get());
      }
      Optional<Problem> dots = dotSegments(request.path());
      if (dots.isPresent()) {
        throw new ProblemException(dots.get());
      }
      if (target == null || target.access() != Route.Access.OPEN) {
        user = authenticate(request);
      }
      // A malformed escape is a 400 whichever method the path was sent with.
      Map<String, String> variables = named == null ? null : named.path().variables(segments);
      if (target != null) {
        if (target != named) {
          variables = target.path().variables(segments);
        }
        response = target.handler().handle(new Call(request, user, variables));
      } else if (allowed != null) {
        response =
            problem(
                Problem.of(
                        ProblemType.METHOD_NOT_ALLOWED, request.method() + " is not allowed here")
                    .withHeader("Allow", String.join(", ", allowed)),
                request);
      } else {
        throw ProblemException.of(ProblemType.NOT_FOUND, "no resource at " + request.path());
      }
    } catch (ProblemException e) {
      response = problem(e.problem(), request);
    } catch (ChatException e) {
      response = problem(Problems.of(e), request);
    } catch (RuntimeException e) {
      response = problem(Problems.internal(request.requestId()), request);
      fault = e;
    }
    return new RestOutcome(response, template, roomId, user, fault);
  }

  /**
   * The 413 for a body of {@code bytes}, or empty when it is within the limit. {@link #handle}
   * applies it; a runtime that learns the length before reading the body may ask first.
   */
  public static Optional<Problem> oversized(long bytes) {
    return bytes > MAX_BODY_BYTES
        ? Optional.of(
            Problem.of(
                ProblemType.PAYLOAD_TOO_LARGE,
                "the body is larger than " + MAX_BODY_BYTES + " bytes"))
        : Optional.empty();
  }

  /**
   * The 400 for a raw path with a {@code .} or {@code ..} segment, or empty. No client needs one,
   * and resolving it would let {@code /health/../rooms} be read as two different resources, so it
   * is refused before authentication and routing. {@link #handle} applies it; a runtime that routes
   * some paths itself (health checks) asks first.
   */
  public static Optional<Problem> dotSegments(String rawPath) {
    return PathTemplate.hasDotSegment(rawPath)
        ? Optional.of(
            Problem.of(ProblemType.MALFORMED_REQUEST, "a path must not have '.' or '..' segments"))
        : Optional.empty();
  }

  private static ApiResponse problem(Problem problem, ApiRequest request) {
    return ProblemResponse.of(problem, request.requestId());
  }

  /** Longer ones are no room id and not worth a log field. */
  private static String loggableRoomId(String roomId) {
    return roomId == null || roomId.isEmpty() || roomId.length() > 128 ? null : roomId;
  }

  private UserId authenticate(ApiRequest request) {
    if (request.authenticatedUser() != null) {
      return request.authenticatedUser();
    }
    return authenticator.userOf(
        BearerTokens.fromAuthorizationHeader(request.header("authorization")),
        "a bearer token is required (Authorization: Bearer <token>)");
  }
}
