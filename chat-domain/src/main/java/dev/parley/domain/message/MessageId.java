package dev.parley.domain.message;

import dev.parley.domain.room.RoomId;
import dev.parley.domain.shared.Identifiers;
import dev.parley.domain.user.UserId;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** Identifies a message, server-assigned. Never blank. */
public record MessageId(String value) {
  private static final byte[] DERIVATION_LABEL =
      "parley/message-id/v1".getBytes(StandardCharsets.UTF_8);

  public MessageId {
    Identifiers.require("message id", value);
  }

  public static MessageId of(String value) {
    return new MessageId(value);
  }

  /**
   * The id of a post made with a client message id: derived from (room, author, client message id),
   * so every retry of one post carries the same id. A store can then use a single item as both the
   * idempotency claim and the id lookup (on DynamoDB that is what keeps such a post at 3 write
   * units instead of 4), and a client knows which id its message will have. A version 8 UUID made
   * of a SHA-256 digest; the parts are length-prefixed, so no two distinct triples share an input.
   */
  public static MessageId forClientMessage(
      RoomId roomId, UserId author, ClientMessageId clientMessageId) {
    ByteArrayOutputStream input = new ByteArrayOutputStream(160);
    input.writeBytes(DERIVATION_LABEL);
    for (String part : new String[] {roomId.value(), author.value(), clientMessageId.value()}) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      int length = bytes.length;
      input.write(length >>> 24);
      input.write(length >>> 16);
      input.write(length >>> 8);
      input.write(length);
      input.writeBytes(bytes);
    }
    ByteBuffer digest = ByteBuffer.wrap(sha256(input.toByteArray()));
    long high = digest.getLong();
    long low = digest.getLong();
    // Version 8 (custom) and the RFC 9562 variant, so it reads as a well-formed UUID.
    high = (high & ~0xf000L) | 0x8000L;
    low = (low & ~(0xc0L << 56)) | (0x80L << 56);
    return new MessageId(new UUID(high, low).toString());
  }

  private static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
