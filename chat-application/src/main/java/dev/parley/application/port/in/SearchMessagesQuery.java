package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A page of the messages of a room that match a search.
 *
 * @param q the words to find, all of them (on PostgreSQL also web-search syntax)
 * @param cursor the {@code nextCursor} of the previous page of the same search, or null
 */
public record SearchMessagesQuery(
    @NotNull UserId actor,
    @NotNull @Id String roomId,
    @NotBlank @Size(max = SearchMessagesQuery.MAX_QUERY_LENGTH) String q,
    @Size(max = 512) String cursor,
    @Min(1) @Max(Page.MAX_LIMIT) Integer limit) {
  public static final int MAX_QUERY_LENGTH = 200;
}
