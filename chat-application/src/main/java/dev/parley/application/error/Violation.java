package dev.parley.application.error;

/**
 * One thing wrong with the input.
 *
 * @param field the path of the offending field as the client named it ({@code text}, {@code
 *     rooms[2].roomId}), or empty for the input as a whole
 */
public record Violation(String field, String message) {}
