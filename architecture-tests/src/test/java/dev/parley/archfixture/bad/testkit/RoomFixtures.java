package dev.parley.archfixture.bad.testkit;

/** A test fixture, which production code must not use. */
public final class RoomFixtures {
  private RoomFixtures() {}

  public static String aRoomId() {
    return "room-1";
  }
}
