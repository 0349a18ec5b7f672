package dev.parley.local.apigateway;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import dev.parley.protocol.auth.Authentication;
import dev.parley.protocol.auth.IdentityResolver;
import dev.parley.protocol.auth.Scope;
import dev.parley.protocol.rest.Route;
import dev.parley.protocol.rest.RouteScopes;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP API's JWT authorizer, as the SAM templates configure it: each route of the route table
 * needs a valid bearer token carrying the scope {@link RouteScopes} gives it. No token, or one that
 * does not verify, is API Gateway's 401 {@code {"message":"Unauthorized"}}; a valid token without
 * the scope is its 403 {@code {"message":"Forbidden"}}; neither invokes the function. A verified
 * request reaches the function with the token's claims and scopes in {@code
 * requestContext.authorizer.jwt}, which it trusts as it trusts API Gateway's. Open routes and paths
 * that match no route (the templates' {@code $default} route) pass without a check.
 *
 * <p>Off until {@link #configure} names the routes and the token checks: API Gateway's JWT
 * authorizer verifies tokens with an issuer's JWKS only, so a deployment on a shared HS256 secret
 * (development) runs without it and the function verifies tokens itself.
 */
final class HttpApiAuthorizer extends Handler.Wrapper {
  /** The request attribute carrying the verified claims to {@link HttpApiEvents}. */
  static final String CLAIMS = HttpApiAuthorizer.class.getName() + ".claims";

  /** The request attribute carrying the token's scopes to {@link HttpApiEvents}. */
  static final String SCOPES = HttpApiAuthorizer.class.getName() + ".scopes";

  private static final String BEARER = "bearer ";

  private record Config(List<Route> routes, IdentityResolver identity) {}

  private volatile Config config;

  HttpApiAuthorizer(Handler api) {
    super(api);
  }

  /** Authorizes {@code routes} with tokens {@code identity} verifies. */
  void configure(List<Route> routes, IdentityResolver identity) {
    config = new Config(List.copyOf(routes), Objects.requireNonNull(identity, "identity"));
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Config current = config;
    if (current == null) {
      return super.handle(request, response, callback);
    }
    Route route = match(current.routes(), request);
    if (route == null || route.access() == Route.Access.OPEN) {
      return super.handle(request, response, callback);
    }
    JWTClaimsSet claims = verified(current.identity(), request);
    if (claims == null) {
      return JsonReplies.message(response, callback, 401, "Unauthorized");
    }
    Set<Scope> granted = Scope.granted(scopeClaim(claims));
    Scope needed = RouteScopes.of(route).orElse(null);
    if (needed == null || !granted.contains(needed)) {
      return JsonReplies.message(response, callback, 403, "Forbidden");
    }
    Map<String, String> strings = new LinkedHashMap<>();
    claims.getClaims().forEach((name, value) -> strings.put(name, String.valueOf(value)));
    request.setAttribute(CLAIMS, strings);
    request.setAttribute(SCOPES, granted.stream().map(Scope::value).toList());
    return super.handle(request, response, callback);
  }

  private static Route match(List<Route> routes, Request request) {
    String path = request.getHttpURI().getPath();
    for (Route route : routes) {
      if (route.method().equals(request.getMethod()) && route.path().matches(path)) {
        return route;
      }
    }
    return null;
  }

  /** The token's claims once the deployment's checks accept it, else null. */
  private static JWTClaimsSet verified(IdentityResolver identity, Request request) {
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      return null;
    }
    // The identity source is the whole header; like API Gateway, take a "Bearer " prefix off.
    String token =
        header.regionMatches(true, 0, BEARER, 0, BEARER.length())
            ? header.substring(BEARER.length()).strip()
            : header.strip();
    if (!(identity.authenticate(token) instanceof Authentication.Authenticated)) {
      return null;
    }
    try {
      return JWTParser.parse(token).getJWTClaimsSet();
    } catch (ParseException e) {
      return null;
    }
  }

  private static Object scopeClaim(JWTClaimsSet claims) {
    Object scope = claims.getClaim("scope");
    return scope != null ? scope : claims.getClaim("scp");
  }
}
