package dev.parley.domain.access;

/**
 * Everything a member can try to do in a room, with the default minimum role for each (in the
 * spirit of Matrix power levels: moderation at 50, invite open to members).
 */
public enum Action {
  READ(Role.GUEST, false),
  POST(Role.MEMBER, false),
  REPLY(Role.MEMBER, false),
  REACT(Role.MEMBER, false),
  EDIT_OWN(Role.MEMBER, false),
  DELETE_OWN(Role.MEMBER, false),
  DELETE_ANY(Role.MODERATOR, true),
  INVITE(Role.MEMBER, false),
  KICK(Role.MODERATOR, true),
  BAN(Role.MODERATOR, true),
  MUTE(Role.MODERATOR, true),
  MANAGE_ROOM(Role.ADMIN, false),
  CHANGE_ROLE(Role.ADMIN, true),
  PIN(Role.MODERATOR, false);

  private final Role defaultMinimumRole;
  private final boolean actsOnAnotherMember;

  Action(Role defaultMinimumRole, boolean actsOnAnotherMember) {
    this.defaultMinimumRole = defaultMinimumRole;
    this.actsOnAnotherMember = actsOnAnotherMember;
  }

  public Role defaultMinimumRole() {
    return defaultMinimumRole;
  }

  /** Whether the action is done to another member, who must then rank below the actor. */
  public boolean actsOnAnotherMember() {
    return actsOnAnotherMember;
  }

  /** Whether the action writes to the room (everything but {@link #READ}). */
  public boolean writes() {
    return this != READ;
  }

  /** Whether a mute stops the action: a muted member may still read, leave and mark read. */
  public boolean silencedByMute() {
    return this == POST || this == REPLY || this == REACT || this == EDIT_OWN;
  }
}
