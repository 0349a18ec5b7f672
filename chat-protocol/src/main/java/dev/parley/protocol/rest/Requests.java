package dev.parley.protocol.rest;

import dev.parley.application.port.in.RoomSettingsInput;
import dev.parley.domain.access.Role;
import dev.parley.domain.room.RoomType;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies clients send. Unknown fields are refused; enums are accepted in any case.
 * Validation of values happens in the use cases, which report every violation at once.
 */
public final class Requests {
  private Requests() {}

  /** {@code POST /rooms}. */
  public record CreateRoom(
      String name, String topic, RoomType type, RoomSettingsInput settings, List<String> invite) {}

  /** {@code POST /direct-rooms}. */
  public record OpenDirectRoom(String userId) {}

  /** {@code PATCH /rooms/{roomId}}; absent fields stay as they are. */
  public record UpdateRoom(
      String name, String topic, RoomSettingsInput settings, Map<String, String> permissions) {}

  /** {@code POST /rooms/{roomId}/members}: invite {@code userId}, or join when it is absent. */
  public record AddMember(String userId, Role role) {}

  /** {@code PUT /rooms/{roomId}/members/{userId}/role}. */
  public record ChangeRole(Role role) {}

  /** {@code PUT /rooms/{roomId}/bans/{userId}}; the body is optional. */
  public record Ban(Long durationSeconds, String reason) {}

  /** {@code PUT /rooms/{roomId}/mutes/{userId}}; the body is optional. */
  public record Mute(Long durationSeconds) {}

  /** {@code POST /rooms/{roomId}/messages}. */
  public record PostMessage(String text, String clientMessageId, String parentId) {}

  /** {@code PATCH /rooms/{roomId}/messages/{messageId}}. */
  public record EditMessage(String text) {}

  /** {@code POST /rooms/{roomId}/read} and {@code /unread}. */
  public record ReadPosition(Long sequence) {}

  /** {@code POST /rooms/{roomId}/typing}. */
  public record Typing(Boolean typing) {}
}
