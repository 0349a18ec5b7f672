package dev.parley.archfixture.good.domain.room;

import dev.parley.archfixture.good.domain.user.UserId;

/** Depends on another domain package in one direction only (room uses user). */
public record Room(String id, UserId owner) {
  @Override
  public String toString() {
    return "Room " + id;
  }
}
