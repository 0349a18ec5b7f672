package dev.parley.archfixture.bad.adapter.fargate;

import dev.parley.archfixture.bad.local.EmulatorLauncher;
import dev.parley.archfixture.bad.testkit.RoomFixtures;

/** Violates: a runtime that seeds itself from the testkit and starts local tooling. */
public final class SeededServer {
  private SeededServer() {}

  public static String start() {
    return RoomFixtures.aRoomId() + "@" + EmulatorLauncher.endpoint();
  }
}
