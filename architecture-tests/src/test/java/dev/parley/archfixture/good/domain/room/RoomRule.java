package dev.parley.archfixture.good.domain.room;

/** JDK annotations such as {@code @FunctionalInterface} are fine on domain types. */
@FunctionalInterface
public interface RoomRule {
  boolean allows(Room room);
}
