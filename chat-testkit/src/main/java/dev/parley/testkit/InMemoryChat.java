package dev.parley.testkit;

import dagger.BindsInstance;
import dagger.Component;
import dev.parley.adapter.inmemory.InMemoryConnectionAdapter;
import dev.parley.adapter.inmemory.InMemoryMessageStoreAdapter;
import dev.parley.adapter.inmemory.InMemoryStoreModule;
import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.in.AddReactionUseCase;
import dev.parley.application.port.in.ArchiveRoomUseCase;
import dev.parley.application.port.in.BanMemberUseCase;
import dev.parley.application.port.in.BlockUserUseCase;
import dev.parley.application.port.in.ChangeRoleUseCase;
import dev.parley.application.port.in.CloseConnectionUseCase;
import dev.parley.application.port.in.CreateRoomUseCase;
import dev.parley.application.port.in.DeleteMessageUseCase;
import dev.parley.application.port.in.EditMessageUseCase;
import dev.parley.application.port.in.GetMessageUseCase;
import dev.parley.application.port.in.GetRoomPresenceUseCase;
import dev.parley.application.port.in.GetRoomUseCase;
import dev.parley.application.port.in.GetUnreadCountsUseCase;
import dev.parley.application.port.in.InviteMemberUseCase;
import dev.parley.application.port.in.JoinRoomUseCase;
import dev.parley.application.port.in.KickMemberUseCase;
import dev.parley.application.port.in.LeaveRoomUseCase;
import dev.parley.application.port.in.ListBansUseCase;
import dev.parley.application.port.in.ListBlockedUsersUseCase;
import dev.parley.application.port.in.ListHistoryUseCase;
import dev.parley.application.port.in.ListMembersUseCase;
import dev.parley.application.port.in.ListMutesUseCase;
import dev.parley.application.port.in.ListMyRoomsUseCase;
import dev.parley.application.port.in.ListPinnedMessagesUseCase;
import dev.parley.application.port.in.ListPublicRoomsUseCase;
import dev.parley.application.port.in.ListThreadRepliesUseCase;
import dev.parley.application.port.in.ListThreadsUseCase;
import dev.parley.application.port.in.MarkReadUseCase;
import dev.parley.application.port.in.MarkUnreadUseCase;
import dev.parley.application.port.in.MuteMemberUseCase;
import dev.parley.application.port.in.OpenConnectionUseCase;
import dev.parley.application.port.in.OpenDirectRoomUseCase;
import dev.parley.application.port.in.PinMessageUseCase;
import dev.parley.application.port.in.PostMessageUseCase;
import dev.parley.application.port.in.RecordHeartbeatUseCase;
import dev.parley.application.port.in.RemoveReactionUseCase;
import dev.parley.application.port.in.ResumeRoomUseCase;
import dev.parley.application.port.in.SearchMessagesUseCase;
import dev.parley.application.port.in.SendTypingUseCase;
import dev.parley.application.port.in.SubscribeToRoomsUseCase;
import dev.parley.application.port.in.UnbanMemberUseCase;
import dev.parley.application.port.in.UnblockUserUseCase;
import dev.parley.application.port.in.UnmuteMemberUseCase;
import dev.parley.application.port.in.UnsubscribeFromRoomsUseCase;
import dev.parley.application.port.in.UpdateRoomUseCase;
import dev.parley.application.port.out.ClockPort;
import dev.parley.application.port.out.IdGeneratorPort;
import dev.parley.application.service.UseCaseModule;
import dev.parley.runtime.UuidV7IdGeneratorAdapter;
import dev.parley.runtime.ValidationModule;
import dev.parley.testkit.adapter.ControllableClockAdapter;
import dev.parley.testkit.adapter.InMemoryEventDeliveryAdapter;
import jakarta.inject.Singleton;

/**
 * The whole chat core on in-memory adapters: every use case, wired by Dagger at compile time. Use
 * it to test code built on Parley without AWS or a database, or as the embedded store of a server.
 *
 * <pre>{@code
 * ControllableClockAdapter clock = new ControllableClockAdapter();
 * InMemoryChat chat = InMemoryChat.create(clock);
 * chat.createRoom().createRoom(new CreateRoomCommand(alice, "general", null, PUBLIC, null, null));
 * }</pre>
 */
@Singleton
@Component(
    modules = {
      InMemoryDeliveryModule.class,
      InMemoryStoreModule.class,
      UseCaseModule.class,
      ValidationModule.class
    })
public interface InMemoryChat {

  /** A chat with default settings, a controllable clock and UUIDv7 ids. */
  static InMemoryChat create(ControllableClockAdapter clock) {
    return create(ChatSettings.DEFAULTS, clock);
  }

  static InMemoryChat create(ChatSettings settings, ClockPort clock) {
    return DaggerInMemoryChat.factory().create(settings, clock, new UuidV7IdGeneratorAdapter());
  }

  AddReactionUseCase addReaction();

  ArchiveRoomUseCase archiveRoom();

  BanMemberUseCase banMember();

  ChangeRoleUseCase changeRole();

  OpenConnectionUseCase openConnection();

  CreateRoomUseCase createRoom();

  DeleteMessageUseCase deleteMessage();

  CloseConnectionUseCase closeConnection();

  EditMessageUseCase editMessage();

  GetMessageUseCase getMessage();

  GetRoomPresenceUseCase getRoomPresence();

  GetRoomUseCase getRoom();

  GetUnreadCountsUseCase getUnreadCounts();

  BlockUserUseCase blockUser();

  UnblockUserUseCase unblockUser();

  ListBlockedUsersUseCase listBlockedUsers();

  RecordHeartbeatUseCase recordHeartbeat();

  InviteMemberUseCase inviteMember();

  JoinRoomUseCase joinRoom();

  KickMemberUseCase kickMember();

  LeaveRoomUseCase leaveRoom();

  ListBansUseCase listBans();

  ListHistoryUseCase listHistory();

  ListMembersUseCase listMembers();

  ListMyRoomsUseCase listMyRooms();

  ListMutesUseCase listMutes();

  ListPinnedMessagesUseCase listPinnedMessages();

  ListPublicRoomsUseCase listPublicRooms();

  ListThreadRepliesUseCase listThreadReplies();

  ListThreadsUseCase listThreads();

  SearchMessagesUseCase searchMessages();

  MarkReadUseCase markRead();

  MarkUnreadUseCase markUnread();

  MuteMemberUseCase muteMember();

  OpenDirectRoomUseCase openDirectRoom();

  PinMessageUseCase pinMessage();

  PostMessageUseCase postMessage();

  RemoveReactionUseCase removeReaction();

  ResumeRoomUseCase resumeRoom();

  SendTypingUseCase sendTyping();

  SubscribeToRoomsUseCase subscribeToRooms();

  UnbanMemberUseCase unbanMember();

  UnmuteMemberUseCase unmuteMember();

  UnsubscribeFromRoomsUseCase unsubscribeFromRooms();

  UpdateRoomUseCase updateRoom();

  /** What was delivered to which connection, for assertions. */
  InMemoryEventDeliveryAdapter delivery();

  InMemoryConnectionAdapter connections();

  InMemoryMessageStoreAdapter messages();

  /** Builds the component. */
  @Component.Factory
  interface Factory {
    InMemoryChat create(
        @BindsInstance ChatSettings settings,
        @BindsInstance ClockPort clock,
        @BindsInstance IdGeneratorPort ids);
  }
}
