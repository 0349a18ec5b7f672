package dev.parley.adapter.postgres;

import dev.parley.domain.message.ClientMessageId;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The columns of a message row and their mapping to {@link Message}. */
final class MessageRows {
  /** Every column {@link #read} needs, in a form usable both in SELECT and in RETURNING. */
  static final String COLUMNS =
      "room_id, seq, id, author, body, parent_id, reply_count, client_message_id, created_at,"
          + " edited_at, deleted_at, pinned";

  private MessageRows() {}

  static Message read(ResultSet row) throws SQLException {
    String parent = row.getString("parent_id");
    String clientId = row.getString("client_message_id");
    return new Message(
        MessageId.of(row.getString("id")),
        RoomId.of(row.getString("room_id")),
        row.getLong("seq"),
        UserId.of(row.getString("author")),
        row.getString("body"),
        parent == null ? null : MessageId.of(parent),
        row.getInt("reply_count"),
        clientId == null ? null : ClientMessageId.of(clientId),
        Rows.instant(row, "created_at"),
        Rows.instant(row, "edited_at"),
        Rows.instant(row, "deleted_at"),
        row.getBoolean("pinned"));
  }

  /** Executes a prepared query and maps every row. */
  static List<Message> list(PreparedStatement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      List<Message> messages = new ArrayList<>();
      while (rows.next()) {
        messages.add(read(rows));
      }
      return messages;
    }
  }
}
