package dev.parley.adapter.inmemory;

import dev.parley.application.port.out.MuteListPort;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Muted members in memory: walks the room's members in user-id order and keeps the muted ones. A
 * room's members are all in memory anyway, so no separate index is kept.
 */
@Singleton
public final class InMemoryMuteListAdapter implements MuteListPort {
  private static final int PAGE = 256;

  private final InMemoryMembershipAdapter memberships;

  @Inject
  public InMemoryMuteListAdapter(InMemoryMembershipAdapter memberships) {
    this.memberships = memberships;
  }

  @Override
  public List<Membership> mutes(RoomId roomId, UserId afterUserId, Instant now, int limit) {
    Pages.requireLimit(limit);
    List<Membership> muted = new ArrayList<>(Math.min(limit, 64));
    UserId after = afterUserId;
    while (muted.size() < limit) {
      List<Membership> members = memberships.members(roomId, after, PAGE);
      for (Membership member : members) {
        if (member.isMutedAt(now) && muted.size() < limit) {
          muted.add(member);
        }
      }
      if (members.size() < PAGE) {
        break;
      }
      after = members.get(members.size() - 1).userId();
    }
    return List.copyOf(muted);
  }
}
