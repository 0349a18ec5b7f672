package dev.parley.archfixture.good.protocol;

/** Shared by the edge adapters. */
public final class Routes {
  public static final String ROOMS = "/rooms";

  private Routes() {}
}
