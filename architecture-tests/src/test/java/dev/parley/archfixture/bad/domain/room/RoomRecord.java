package dev.parley.archfixture.bad.domain.room;

import dev.parley.archfixture.bad.domain.message.AnnotatedMessage;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Breaks: the domain reads JDBC (java.sql), and room and message need each other (a cycle). */
public final class RoomRecord {
  private AnnotatedMessage lastMessage;

  public static String name(ResultSet row) throws SQLException {
    return row.getString("name");
  }

  public AnnotatedMessage lastMessage() {
    return lastMessage;
  }
}
