package dev.parley.protocol.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.ProtocolTestComponent;
import dev.parley.protocol.auth.Scope;
import dev.parley.testkit.adapter.ControllableClockAdapter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The route-to-scope table and the route table agree, and the table says what it promises. */
class RouteScopesTest {
  private final List<Route> routes =
      ProtocolTestComponent.create(new ControllableClockAdapter()).restApi().routes();

  @Test
  void everyRouteThatNeedsATokenHasAScopeAndNoOpenRouteHasOne() {
    for (Route route : routes) {
      if (route.access() == Route.Access.BEARER_TOKEN) {
        assertThat(RouteScopes.of(route)).as(route.describe()).isPresent();
      } else {
        assertThat(RouteScopes.of(route)).as(route.describe()).isEmpty();
      }
    }
  }

  @Test
  void theTableNamesNoRouteThatDoesNotExist() {
    Set<String> described = new TreeSet<>();
    routes.forEach(route -> described.add(route.describe()));

    assertThat(described).containsAll(RouteScopes.table().keySet());
  }

  @Test
  void aModerationRouteIsNotReachableWithTheReadOrWriteScope() {
    for (Route route : routes) {
      if (isModeration(route)) {
        assertThat(RouteScopes.of(route)).as(route.describe()).contains(Scope.MODERATE);
      }
    }
  }

  @Test
  void readingNeedsOnlyTheReadScopeAndNothingElseDoes() {
    for (Route route : routes) {
      RouteScopes.of(route)
          .ifPresent(
              scope ->
                  assertThat(scope == Scope.READ)
                      .as(route.describe() + " needs " + scope)
                      .isEqualTo(route.method().equals("GET") && !isModeration(route)));
    }
  }

  /** A room's bans, mutes, roles and pins: what a moderator manages. */
  private static boolean isModeration(Route route) {
    String template = route.path().template();
    return template.contains("/bans")
        || template.contains("/mutes")
        || template.endsWith("/role")
        || template.endsWith("/pin");
  }

  @Test
  void tokensNameScopesAsCognitoWritesThem() {
    assertThat(Scope.granted("parley/read  parley/write other/thing"))
        .containsExactlyInAnyOrder(Scope.READ, Scope.WRITE);
    assertThat(Scope.granted(List.of("parley/moderate"))).containsExactly(Scope.MODERATE);
    assertThat(Scope.granted(null)).isEmpty();
    assertThat(Scope.granted(Scope.all())).containsExactlyInAnyOrder(Scope.values());
    assertThat(Scope.ADMIN.shortName()).isEqualTo("admin");
  }
}
