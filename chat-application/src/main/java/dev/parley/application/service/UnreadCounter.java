package dev.parley.application.service;

import dev.parley.application.port.in.ReadMarker;
import dev.parley.application.port.in.UnreadCounts;
import dev.parley.application.port.out.MemberListPort;
import dev.parley.application.port.out.MentionStorePort;
import dev.parley.application.port.out.ReadStatePort;
import dev.parley.application.port.out.RoomSequencePort;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** Computes read markers and unread counts. */
@Singleton
final class UnreadCounter {
  private static final int PAGE = 100;

  private final ReadStatePort readState;
  private final RoomSequencePort sequences;
  private final MemberListPort members;
  private final MentionStorePort mentions;

  @Inject
  UnreadCounter(
      ReadStatePort readState,
      RoomSequencePort sequences,
      MemberListPort members,
      MentionStorePort mentions) {
    this.readState = readState;
    this.sequences = sequences;
    this.members = members;
    this.mentions = mentions;
  }

  ReadMarker marker(RoomId roomId, UserId user, long lastRead) {
    long last = sequences.lastSequence(roomId);
    long unread = lastRead >= last ? 0 : sequences.countUnread(roomId, lastRead, user);
    // Mentions are only ever of unread messages (never the reader's own, never deleted ones).
    long mentioned = unread == 0 ? 0 : mentions.countAfter(roomId, user, lastRead);
    return new ReadMarker(roomId, lastRead, last, unread, mentioned);
  }

  /** Every room of the user, page by page. */
  UnreadCounts forUser(UserId user) {
    List<ReadMarker> markers = new ArrayList<>();
    long total = 0;
    long mentionTotal = 0;
    RoomId after = null;
    while (true) {
      List<Membership> page = members.roomsOf(user, after, PAGE);
      for (Membership membership : page) {
        ReadMarker marker =
            marker(membership.roomId(), user, readState.lastRead(membership.roomId(), user));
        markers.add(marker);
        total += marker.unreadCount();
        mentionTotal += marker.mentionCount();
      }
      if (page.size() < PAGE) {
        return new UnreadCounts(markers, total, mentionTotal);
      }
      after = page.get(page.size() - 1).roomId();
    }
  }
}
