package dev.parley.domain.room;

import dev.parley.domain.access.RolePermissions;
import dev.parley.domain.shared.Characters;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A room. Immutable: every change returns a new instance.
 *
 * @param name 1 to {@link #MAX_NAME_LENGTH} code points, never blank, {@linkplain
 *     Characters#isVisibleText visible text}
 * @param topic at most {@link #MAX_TOPIC_LENGTH} code points of {@linkplain
 *     Characters#isVisibleMultilineText visible text}, lines allowed; may be empty, never null
 * @param directKey for {@link RoomType#DIRECT} rooms the pair's {@link DirectKey}; null otherwise
 * @param permissions the minimum role per action in this room (defaults plus room overrides)
 */
public record Room(
    RoomId id,
    String name,
    String topic,
    RoomType type,
    UserId createdBy,
    Instant createdAt,
    boolean archived,
    RoomSettings settings,
    RolePermissions permissions,
    DirectKey directKey) {

  public static final int MAX_NAME_LENGTH = 100;
  public static final int MAX_TOPIC_LENGTH = 1_000;

  public Room {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(permissions, "permissions");
    topic = topic == null ? "" : topic;
    if (!isValidName(name)) {
      throw new IllegalArgumentException(
          "room name must be 1-" + MAX_NAME_LENGTH + " code points of visible text");
    }
    if (!isValidTopic(topic)) {
      throw new IllegalArgumentException(
          "topic must be at most " + MAX_TOPIC_LENGTH + " code points of visible text");
    }
    if ((type == RoomType.DIRECT) != (directKey != null)) {
      throw new IllegalArgumentException(
          "a direct key is required for, and only for, DIRECT rooms");
    }
  }

  /** Opens a public or private room. */
  public static Room open(
      RoomId id,
      String name,
      String topic,
      RoomType type,
      UserId creator,
      Instant now,
      RoomSettings settings) {
    if (type == RoomType.DIRECT) {
      throw new IllegalArgumentException("use Room.direct for direct rooms");
    }
    return new Room(
        id, name, topic, type, creator, now, false, settings, RolePermissions.DEFAULTS, null);
  }

  /** Opens the direct room of two distinct users. */
  public static Room direct(RoomId id, UserId creator, UserId other, Instant now) {
    DirectKey key = DirectKey.of(creator, other);
    String name = key.first().value() + ", " + key.second().value();
    if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
      name = name.substring(0, name.offsetByCodePoints(0, MAX_NAME_LENGTH));
    }
    return new Room(
        id,
        name,
        "",
        RoomType.DIRECT,
        creator,
        now,
        false,
        RoomSettings.DEFAULTS,
        RolePermissions.DEFAULTS,
        key);
  }

  public static boolean isValidName(String name) {
    if (name == null || name.isBlank()) {
      return false;
    }
    int length = name.codePointCount(0, name.length());
    return length <= MAX_NAME_LENGTH && Characters.isVisibleText(name);
  }

  public static boolean isValidTopic(String topic) {
    return topic.codePointCount(0, topic.length()) <= MAX_TOPIC_LENGTH
        && Characters.isVisibleMultilineText(topic);
  }

  public Room withDetails(String newName, String newTopic) {
    return new Room(
        id,
        newName == null ? name : newName,
        newTopic == null ? topic : newTopic,
        type,
        createdBy,
        createdAt,
        archived,
        settings,
        permissions,
        directKey);
  }

  public Room withSettings(RoomSettings newSettings) {
    return new Room(
        id, name, topic, type, createdBy, createdAt, archived, newSettings, permissions, directKey);
  }

  public Room withPermissions(RolePermissions newPermissions) {
    return new Room(
        id, name, topic, type, createdBy, createdAt, archived, settings, newPermissions, directKey);
  }

  public Room archive() {
    return withArchived(true);
  }

  public Room withArchived(boolean newArchived) {
    return new Room(
        id, name, topic, type, createdBy, createdAt, newArchived, settings, permissions, directKey);
  }

  /** Whether non-members may see this room at all (private and direct rooms stay hidden). */
  public boolean visibleToNonMembers() {
    return type == RoomType.PUBLIC;
  }
}
