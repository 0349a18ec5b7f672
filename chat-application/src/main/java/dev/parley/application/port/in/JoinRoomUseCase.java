package dev.parley.application.port.in;

import dev.parley.domain.member.Membership;

/** Joins a public room as a member. Refused while a ban holds; idempotent for members. */
public interface JoinRoomUseCase {
  Membership joinRoom(JoinRoomCommand command);
}
