package dev.parley.adapter.postgres;

import dev.parley.application.port.out.AppendResult;
import dev.parley.application.port.out.MessageStorePort;
import dev.parley.domain.message.ChangeOutcome;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageChange;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.message.NewMessage;
import dev.parley.domain.room.RoomId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Messages in PostgreSQL. A post is one statement in one transaction: bump the room's counter (the
 * row lock serialises the posts of a room, so sequences are dense and commit in order), insert the
 * message with that sequence unless the (room, author, client message id) key exists, and count the
 * reply on its parent. A replay rolls the bump back and returns the stored original.
 */
@Singleton
public final class PostgresMessageStoreAdapter implements MessageStorePort {
  private static final String FIND_BY_CLIENT_ID =
      "SELECT "
          + MessageRows.COLUMNS
          + " FROM messages WHERE room_id = ? AND author = ? AND client_message_id = ?";

  private static final String APPEND =
      """
      WITH seq AS (
        INSERT INTO room_sequences AS s (room_id, last_seq) VALUES (?, 1)
        ON CONFLICT (room_id) DO UPDATE SET last_seq = s.last_seq + 1
        RETURNING last_seq),
      ins AS (
        INSERT INTO messages (room_id, seq, id, author, body, parent_id, client_message_id,
                              created_at)
        SELECT ?, seq.last_seq, ?, ?, ?, ?, ?, ? FROM seq
        ON CONFLICT (room_id, author, client_message_id) DO NOTHING
        RETURNING %s),
      parent AS (
        UPDATE messages SET reply_count = reply_count + 1, last_reply_seq = (SELECT seq FROM ins)
        WHERE room_id = ? AND id = ? AND EXISTS (SELECT 1 FROM ins))
      SELECT * FROM ins
      """
          .formatted(MessageRows.COLUMNS);

  private static final String FIND =
      "SELECT " + MessageRows.COLUMNS + " FROM messages WHERE room_id = ? AND id = ?";

  private static final String UPDATE =
      "UPDATE messages SET body = ?, edited_at = ?, deleted_at = ?, pinned = ?"
          + " WHERE room_id = ? AND id = ? RETURNING "
          + MessageRows.COLUMNS;

  private final Jdbc jdbc;

  @Inject
  public PostgresMessageStoreAdapter(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public AppendResult append(NewMessage message) {
    if (message.clientMessageId() != null) {
      // The common retry finds its original without touching the room's counter (and its lock).
      Optional<Message> original = jdbc.autocommit("append", c -> findByClientId(c, message));
      if (original.isPresent()) {
        return new AppendResult.Replayed(original.get());
      }
    }
    return jdbc.transaction("append", c -> insert(c, message));
  }

  private static AppendResult insert(Connection connection, NewMessage message)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(APPEND)) {
      String room = message.roomId().value();
      String parent = message.parentId() == null ? null : message.parentId().value();
      insert.setString(1, room);
      insert.setString(2, room);
      insert.setString(3, message.id().value());
      insert.setString(4, message.author().value());
      insert.setString(5, message.body().text());
      Rows.setNullableText(insert, 6, parent);
      Rows.setNullableText(
          insert, 7, message.clientMessageId() == null ? null : message.clientMessageId().value());
      Rows.setInstant(insert, 8, message.createdAt());
      insert.setString(9, room);
      Rows.setNullableText(insert, 10, parent);
      List<Message> stored = MessageRows.list(insert);
      if (!stored.isEmpty()) {
        return new AppendResult.Appended(stored.get(0));
      }
    }
    // The key exists: its transaction committed before we got the counter's lock, so this new
    // statement sees it. Undo our bump of the counter so the sequence stays gap-free.
    Optional<Message> original = findByClientId(connection, message);
    connection.rollback();
    return new AppendResult.Replayed(
        original.orElseThrow(() -> new IllegalStateException("conflicting post vanished")));
  }

  private static Optional<Message> findByClientId(Connection connection, NewMessage message)
      throws SQLException {
    try (PreparedStatement find = connection.prepareStatement(FIND_BY_CLIENT_ID)) {
      find.setString(1, message.roomId().value());
      find.setString(2, message.author().value());
      find.setString(3, message.clientMessageId().value());
      return MessageRows.list(find).stream().findFirst();
    }
  }

  @Override
  public Optional<Message> find(RoomId roomId, MessageId messageId) {
    return jdbc.autocommit("find message", c -> find(c, roomId, messageId, FIND));
  }

  private static Optional<Message> find(
      Connection connection, RoomId roomId, MessageId messageId, String sql) throws SQLException {
    try (PreparedStatement find = connection.prepareStatement(sql)) {
      find.setString(1, roomId.value());
      find.setString(2, messageId.value());
      return MessageRows.list(find).stream().findFirst();
    }
  }

  @Override
  public Optional<ChangeOutcome> change(RoomId roomId, MessageId messageId, MessageChange change) {
    return jdbc.transaction(
        "change message",
        c -> {
          // FOR UPDATE: the check (deleted?) and the write are one step against concurrent changes.
          Optional<Message> current = find(c, roomId, messageId, FIND + " FOR UPDATE");
          if (current.isEmpty()) {
            return Optional.empty();
          }
          ChangeOutcome outcome = current.get().apply(change);
          if (!(outcome instanceof ChangeOutcome.Applied applied)) {
            return Optional.of(outcome);
          }
          return Optional.of(new ChangeOutcome.Applied(update(c, applied.message())));
        });
  }

  private static Message update(Connection connection, Message changed) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
      Rows.setNullableText(update, 1, changed.body());
      Rows.setInstant(update, 2, changed.editedAt());
      Rows.setInstant(update, 3, changed.deletedAt());
      update.setBoolean(4, changed.pinned());
      update.setString(5, changed.roomId().value());
      update.setString(6, changed.id().value());
      try (ResultSet row = update.executeQuery()) {
        row.next();
        return MessageRows.read(row);
      }
    }
  }
}
