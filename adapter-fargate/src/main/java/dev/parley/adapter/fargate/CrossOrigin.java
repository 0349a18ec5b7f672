package dev.parley.adapter.fargate;

import dev.parley.protocol.http.CorsPolicy;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.CrossOriginHandler;

/**
 * Puts the deployment's {@link CorsPolicy} in front of the API with Jetty's own {@link
 * CrossOriginHandler}: it answers preflights itself, adds the CORS headers to answers for allowed
 * origins, and passes everything else on unchanged, so a same-origin or non-browser client sees no
 * difference.
 */
final class CrossOrigin {
  private CrossOrigin() {}

  /** {@code next} behind the policy; {@code next} itself when the policy allows no origin. */
  static Handler wrap(CorsPolicy policy, Handler next) {
    if (!policy.enabled()) {
      return next;
    }
    CrossOriginHandler cors = new CrossOriginHandler();
    cors.setAllowedOriginPatterns(originPatterns(policy));
    cors.setAllowCredentials(policy.allowCredentials());
    cors.setAllowedMethods(Set.copyOf(CorsPolicy.ALLOWED_METHODS));
    cors.setAllowedHeaders(Set.copyOf(CorsPolicy.ALLOWED_HEADERS));
    cors.setExposedHeaders(Set.copyOf(CorsPolicy.EXPOSED_HEADERS));
    cors.setPreflightMaxAge(policy.maxAge());
    // Tokens travel in headers or the subprotocol, never in cookies, so a socket opened from
    // another page gains that page nothing it does not already hold; API Gateway's WebSocket
    // APIs do not check the origin either, and both runtimes behave alike.
    cors.setDeliverNonAllowedOriginWebSocketUpgradeRequests(true);
    cors.setHandler(next);
    return cors;
  }

  /** Jetty matches regular expressions; the policy lists exact origins. */
  private static Set<String> originPatterns(CorsPolicy policy) {
    if (policy.anyOrigin()) {
      return Set.of(".*");
    }
    return policy.allowedOrigins().stream().map(Pattern::quote).collect(Collectors.toSet());
  }
}
