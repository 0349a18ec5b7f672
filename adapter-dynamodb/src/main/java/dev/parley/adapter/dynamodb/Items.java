package dev.parley.adapter.dynamodb;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Attribute names and value conversions shared by the adapters. Instants are stored as ISO-8601
 * strings, which round-trip exactly (nanoseconds included); the TTL attribute holds epoch seconds
 * as DynamoDB's TTL requires.
 */
final class Items {
  /** DynamoDB's item size limit: names and values of all attributes, in bytes. */
  static final int MAX_ITEM_BYTES = 400 * 1024;

  static final String PK = "pk";
  static final String SK = "sk";
  static final String GSI1_PK = "gsi1pk";
  static final String GSI1_SK = "gsi1sk";
  static final String TTL = "ttl";

  private Items() {}

  static Map<String, AttributeValue> key(String pk, String sk) {
    Map<String, AttributeValue> key = new HashMap<>(4);
    key.put(PK, s(pk));
    key.put(SK, s(sk));
    return key;
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static AttributeValue bool(boolean value) {
    return AttributeValue.fromBool(value);
  }

  static AttributeValue instant(Instant value) {
    return AttributeValue.fromS(value.toString());
  }

  static AttributeValue strings(List<String> values) {
    return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
  }

  /** The TTL value for an item that is dead after {@code expiresAt}: rounded up, never early. */
  static AttributeValue ttl(Instant expiresAt) {
    long seconds = expiresAt.getEpochSecond() + (expiresAt.getNano() > 0 ? 1 : 0);
    return n(seconds);
  }

  static String str(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  static long num(Map<String, AttributeValue> item, String name, long absent) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? absent : Long.parseLong(value.n());
  }

  static boolean flag(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value != null && Boolean.TRUE.equals(value.bool());
  }

  static Instant instantOrNull(Map<String, AttributeValue> item, String name) {
    String value = str(item, name);
    return value == null ? null : Instant.parse(value);
  }

  static List<String> stringList(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || !value.hasL()
        ? List.of()
        : value.l().stream().map(AttributeValue::s).toList();
  }

  /**
   * Fails before the call when the item would exceed 400 KB. Counts names and values the way
   * DynamoDB bills them (UTF-8 lengths; numbers rounded up generously).
   */
  static Map<String, AttributeValue> guardSize(Map<String, AttributeValue> item) {
    long size = size(item);
    if (size > MAX_ITEM_BYTES) {
      throw new IllegalArgumentException(
          "item of " + size + " bytes is over DynamoDB's 400 KB item limit");
    }
    return item;
  }

  static long size(Map<String, AttributeValue> item) {
    long size = 0;
    for (Map.Entry<String, AttributeValue> entry : item.entrySet()) {
      size += utf8(entry.getKey()) + size(entry.getValue());
    }
    return size;
  }

  private static long size(AttributeValue value) {
    if (value.s() != null) {
      return utf8(value.s());
    }
    if (value.n() != null) {
      return 21;
    }
    if (value.b() != null) {
      return value.b().asByteArray().length;
    }
    if (value.hasL()) {
      return 3 + value.l().stream().mapToLong(v -> 1 + size(v)).sum();
    }
    if (value.hasM()) {
      return 3 + size(value.m()) + value.m().size();
    }
    if (value.hasSs()) {
      return value.ss().stream().mapToLong(Items::utf8).sum();
    }
    return 1;
  }

  private static long utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8).length;
  }
}
