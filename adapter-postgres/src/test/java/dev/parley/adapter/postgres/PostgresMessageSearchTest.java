package dev.parley.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.MessageSearchPort;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.domain.message.Message;
import dev.parley.domain.room.RoomId;
import dev.parley.testkit.contract.MessageSearchPortContract;
import dev.parley.testkit.fixture.Ids;
import dev.parley.testkit.fixture.MessageBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link MessageSearchPortContract} against PostgreSQL, and its web-search syntax. */
class PostgresMessageSearchTest extends MessageSearchPortContract {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  @Override
  protected MessageSearchPort search() {
    return new PostgresMessageSearchAdapter(DB.dataSource());
  }

  @Override
  protected MessageStorePort messages() {
    return new PostgresMessageStoreAdapter(DB.dataSource());
  }

  @Test
  void understandsQuotesOrAndExclusionAndNeverFailsOnOperatorsAlone() {
    RoomId room = Ids.room();
    for (String text : new String[] {"red apple", "green apple", "apple red", "pear"}) {
      messages().append(MessageBuilder.aMessage().inRoom(room).withText(text).buildNew());
    }

    assertThat(search().search(room, "\"red apple\"", Long.MAX_VALUE, 10))
        .extracting(Message::sequence)
        .containsExactly(1L);
    assertThat(search().search(room, "pear or green", Long.MAX_VALUE, 10))
        .extracting(Message::sequence)
        .containsExactly(4L, 2L);
    assertThat(search().search(room, "apple -red", Long.MAX_VALUE, 10))
        .extracting(Message::sequence)
        .containsExactly(2L);
    assertThat(search().search(room, "& | ! ( )", Long.MAX_VALUE, 10)).isEmpty();
  }
}
