package dev.parley.adapter.dynamodb;

import static dev.parley.adapter.dynamodb.Items.s;

import dev.parley.application.port.out.MuteListPort;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Muted members: a Query of the room's {@code MEMBER#} items in user-id order, keeping the muted
 * ones. The mute lives on the membership item and the table's one index serves "my rooms", so the
 * read costs the room's member items up to the page's last mute; only moderators ask.
 */
@Singleton
public final class DynamoDbMuteListAdapter implements MuteListPort {
  private final DynamoDbStore store;
  private final Queries queries;

  @Inject
  public DynamoDbMuteListAdapter(DynamoDbStore store) {
    this.store = store;
    this.queries = new Queries(store);
  }

  @Override
  public List<Membership> mutes(RoomId roomId, UserId afterUserId, Instant now, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    String after = afterUserId == null ? Keys.MEMBER : Keys.member(afterUserId);
    QueryRequest.Builder request =
        QueryRequest.builder()
            .tableName(store.table())
            .consistentRead(true)
            .keyConditionExpression("pk = :pk AND sk BETWEEN :after AND :end")
            .expressionAttributeValues(
                Map.of(
                    ":pk", s(Keys.room(roomId)),
                    ":after", s(after + '\u0001'),
                    ":end", s(Keys.MEMBER + '\uffff')));
    List<Membership> muted = new ArrayList<>(Math.min(limit, 64));
    for (Map<String, AttributeValue> item :
        queries.all(request, limit, item -> isMuted(item, now))) {
      if (isMuted(item, now)) {
        muted.add(DynamoDbMembershipAdapter.membership(item));
      }
    }
    return List.copyOf(muted);
  }

  private static boolean isMuted(Map<String, AttributeValue> item, Instant now) {
    Instant until = Items.instantOrNull(item, "mutedUntil");
    return until != null && now.isBefore(until);
  }
}
