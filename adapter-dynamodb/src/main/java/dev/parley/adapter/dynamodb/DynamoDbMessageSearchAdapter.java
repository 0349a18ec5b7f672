package dev.parley.adapter.dynamodb;

import dev.parley.application.error.SearchUnavailableException;
import dev.parley.application.port.out.MessageSearchPort;
import dev.parley.domain.message.Message;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * DynamoDB has no full-text index, and scanning a room's items per search would cost a read of the
 * whole room: search is refused (501, {@code search-unavailable}) until an external index
 * (OpenSearch, fed from the table's stream) is bound to {@link MessageSearchPort} instead of this
 * adapter. See docs/dynamodb-design.md.
 */
@Singleton
public final class DynamoDbMessageSearchAdapter implements MessageSearchPort {
  static final String DETAIL =
      "message search needs an external index (such as OpenSearch) on the DynamoDB store;"
          + " none is configured: bind one to MessageSearchPort";

  @Inject
  public DynamoDbMessageSearchAdapter() {}

  @Override
  public List<Message> search(RoomId roomId, String terms, long beforeSequence, int limit) {
    throw new SearchUnavailableException(DETAIL);
  }
}
