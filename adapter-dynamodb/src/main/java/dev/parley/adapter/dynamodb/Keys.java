package dev.parley.adapter.dynamodb;

import dev.parley.domain.message.MessageId;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.DirectKey;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Every key of the single table, built in one place. Entity prefixes end in {@code #}; where a key
 * joins two ids it separates them with {@code /}, which ids never contain, so keys never collide.
 * No key ever leaves the adapter: history cursors are sequences, wrapped by the application.
 */
final class Keys {
  /** DynamoDB's limit for a partition key value, in UTF-8 bytes. */
  static final int MAX_PARTITION_KEY_BYTES = 2_048;

  /** DynamoDB's limit for a sort key value, in UTF-8 bytes. */
  static final int MAX_SORT_KEY_BYTES = 1_024;

  /** Digits of a zero-padded sequence: {@link Long#MAX_VALUE} has 19. */
  private static final int SEQUENCE_DIGITS = 19;

  static final String META = "META";
  static final String SEQUENCE = "SEQ";
  static final String MEMBER = "MEMBER#";
  static final String BAN = "BAN#";
  static final String MESSAGE = "MSG#";
  static final String MESSAGE_ID = "MSGID#";
  static final String PIN = "PIN#";
  static final String READ = "READ#";
  static final String MENTION = "MENTION#";
  static final String BLOCK = "BLOCK#";
  static final String REACTIONS = "RXN#";
  static final String TYPING = "TYPING#";
  static final String SUBSCRIPTION = "SUB#";
  static final String CONNECTION = "CONN#";
  static final String HEALTH = "HEALTH";

  private Keys() {}

  static String room(RoomId room) {
    return partition("ROOM#" + room.value());
  }

  static String direct(DirectKey key) {
    return partition("DIRECT#" + key.first().value() + "/" + key.second().value());
  }

  static String connection(ConnectionId id) {
    return partition(CONNECTION + id.value());
  }

  /** GSI partition of a user's memberships ("my rooms"). */
  static String userRooms(UserId user) {
    return partition("USER#" + user.value());
  }

  /** A user's block list. */
  static String blockList(UserId blocker) {
    return partition("BLOCKS#" + blocker.value());
  }

  /** GSI partition of a user's connections. */
  static String userConnections(UserId user) {
    return partition("UCONN#" + user.value());
  }

  /** GSI partition of a thread: the replies of one message. */
  static String thread(RoomId room, MessageId parent) {
    return partition("THREAD#" + room.value() + "/" + parent.value());
  }

  /**
   * GSI partition of a room's thread roots, sorted by their last reply's {@link #message} key.
   * Never equal to a {@link #thread} key: those always hold a '/', room ids never do.
   */
  static String roomThreads(RoomId room) {
    return partition("THREADS#" + room.value());
  }

  /** GSI partition of the public room directory: every public, unarchived room's item. */
  static final String DIRECTORY = "DIRECTORY";

  /**
   * A room's place in the directory: its name's key, then its id after {@code \u0001}, which
   * visible names never hold and which sorts before every character they may hold, so the order is
   * (key, id).
   */
  static String directorySort(String nameKey, RoomId room) {
    return sort(nameKey + '\u0001' + room.value());
  }

  /**
   * A rate-limit key is free text: long ones are hashed so the key stays within the limit, with the
   * readable prefix kept for operators.
   */
  static String rateLimit(String key) {
    String full = "RATE#" + key;
    if (utf8Length(full) <= MAX_PARTITION_KEY_BYTES) {
      return full;
    }
    return "RATE#" + key.substring(0, 64) + "#sha256:" + sha256(key);
  }

  static String member(UserId user) {
    return sort(MEMBER + user.value());
  }

  static String roomSort(RoomId room) {
    return sort("ROOM#" + room.value());
  }

  static String ban(UserId user) {
    return sort(BAN + user.value());
  }

  static String message(long sequence) {
    return MESSAGE + padded(sequence);
  }

  /** A pinned message's marker, sorted by its sequence. */
  static String pin(long sequence) {
    return PIN + padded(sequence);
  }

  static long sequenceOfPin(String pinSortKey) {
    return Long.parseLong(pinSortKey.substring(PIN.length()));
  }

  static String messageId(MessageId id) {
    return sort(MESSAGE_ID + id.value());
  }

  static String read(UserId user) {
    return sort(READ + user.value());
  }

  /** A member mentioned by the message at {@code sequence}: ordered by user, then sequence. */
  static String mention(UserId user, long sequence) {
    return sort(MENTION + user.value() + "/" + padded(sequence));
  }

  static String block(UserId blocked) {
    return sort(BLOCK + blocked.value());
  }

  static String reactions(MessageId message) {
    return sort(REACTIONS + message.value());
  }

  static String typing(UserId user) {
    return sort(TYPING + user.value());
  }

  static String subscription(ConnectionId id) {
    return sort(SUBSCRIPTION + id.value());
  }

  static String connectionSort(ConnectionId id) {
    return sort(CONNECTION + id.value());
  }

  /** The id in a key such as {@code ROOM#id} or {@code MEMBER#id}: everything after the first #. */
  static String idAfterPrefix(String key) {
    return key.substring(key.indexOf('#') + 1);
  }

  /** Zero-padded so that string order is numeric order. */
  static String padded(long sequence) {
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must not be negative: " + sequence);
    }
    String digits = Long.toString(sequence);
    return "0".repeat(SEQUENCE_DIGITS - digits.length()) + digits;
  }

  static long sequenceOf(String messageSortKey) {
    return Long.parseLong(messageSortKey.substring(MESSAGE.length()));
  }

  private static String partition(String key) {
    if (utf8Length(key) > MAX_PARTITION_KEY_BYTES) {
      throw new IllegalArgumentException("partition key over 2,048 bytes");
    }
    return key;
  }

  private static String sort(String key) {
    if (utf8Length(key) > MAX_SORT_KEY_BYTES) {
      throw new IllegalArgumentException("sort key over 1,024 bytes");
    }
    return key;
  }

  static int utf8Length(String value) {
    return value.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String sha256(String value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
