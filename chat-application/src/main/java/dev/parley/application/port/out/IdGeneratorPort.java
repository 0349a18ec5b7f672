package dev.parley.application.port.out;

/** New unique identifiers for rooms and messages. */
public interface IdGeneratorPort {
  /** A new id, unique across nodes, safe in URL paths, at most 128 characters. */
  String newId();
}
