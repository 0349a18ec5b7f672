package dev.parley.archfixture.good.bus.postgres;

import dev.parley.archfixture.good.protocol.Routes;

/** A cluster bus that uses only the protocol. */
public final class PostgresRoutesBus {
  public String channel() {
    return Routes.ROOMS;
  }
}
