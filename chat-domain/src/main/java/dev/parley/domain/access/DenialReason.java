package dev.parley.domain.access;

/** Why a rule said no. The code is stable; the text is for people. */
public enum DenialReason {
  NOT_A_MEMBER("you are not a member of this room"),
  BANNED("you are banned from this room"),
  MUTED("you are muted in this room"),
  ROLE_TOO_LOW("your role in this room does not allow this"),
  TARGET_OUTRANKS("you cannot act on a member of equal or higher role"),
  ROLE_TOO_HIGH("you cannot grant a role above your own"),
  CANNOT_TARGET_SELF("you cannot do this to yourself"),
  NOT_AUTHOR("only the author may do this to a message"),
  ROOM_ARCHIVED("this room is archived and read-only"),
  NOT_PUBLIC("only public rooms can be joined without an invitation"),
  DIRECT_ROOM("direct rooms always have exactly their two members"),
  LAST_OWNER("the last owner cannot leave or step down; make someone else owner first"),
  BLOCKED("one of the two members of this direct room has blocked the other");

  private final String message;

  DenialReason(String message) {
    this.message = message;
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public String message() {
    return message;
  }
}
