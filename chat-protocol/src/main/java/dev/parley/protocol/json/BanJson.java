package dev.parley.protocol.json;

import dev.parley.domain.member.Ban;
import java.time.Instant;

/** A ban on the wire; {@code expiresAt} is absent for a ban until lifted. */
public record BanJson(
    String roomId,
    String userId,
    String bannedBy,
    Instant bannedAt,
    Instant expiresAt,
    String reason) {

  public static BanJson of(Ban b) {
    return new BanJson(
        b.roomId().value(),
        b.userId().value(),
        b.bannedBy().value(),
        b.bannedAt(),
        b.expiresAt(),
        b.reason().isEmpty() ? null : b.reason());
  }
}
