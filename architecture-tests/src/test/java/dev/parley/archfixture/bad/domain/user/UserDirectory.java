package dev.parley.archfixture.bad.domain.user;

import dev.parley.archfixture.bad.adapter.postgres.PostgresClock;

/** Breaks: the domain knows an adapter, so domain and adapter depend on each other (a cycle). */
public final class UserDirectory {
  private PostgresClock clock;

  public PostgresClock clock() {
    return clock;
  }
}
