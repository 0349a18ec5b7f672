package dev.parley.application.service;

import dagger.Binds;
import dagger.Module;
import dev.parley.application.port.in.AddReactionUseCase;
import dev.parley.application.port.in.ArchiveRoomUseCase;
import dev.parley.application.port.in.BanMemberUseCase;
import dev.parley.application.port.in.BlockUserUseCase;
import dev.parley.application.port.in.ChangeRoleUseCase;
import dev.parley.application.port.in.CheckStoreHealthUseCase;
import dev.parley.application.port.in.CloseConnectionUseCase;
import dev.parley.application.port.in.CreateRoomUseCase;
import dev.parley.application.port.in.DeleteMessageUseCase;
import dev.parley.application.port.in.EditMessageUseCase;
import dev.parley.application.port.in.GetConnectionOwnerUseCase;
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

/**
 * Binds every use case to its service. A deployment's Dagger component includes this module, one
 * module per outbound adapter, and a module that provides {@link
 * dev.parley.application.config.ChatSettings} and a {@link jakarta.validation.Validator}.
 */
@Module
public abstract class UseCaseModule {
  private UseCaseModule() {}

  @Binds
  abstract AddReactionUseCase addReaction(AddReactionService service);

  @Binds
  abstract ArchiveRoomUseCase archiveRoom(ArchiveRoomService service);

  @Binds
  abstract BanMemberUseCase banMember(BanMemberService service);

  @Binds
  abstract BlockUserUseCase blockUser(BlockUserService service);

  @Binds
  abstract ChangeRoleUseCase changeRole(ChangeRoleService service);

  @Binds
  abstract ListBlockedUsersUseCase listBlockedUsers(ListBlockedUsersService service);

  @Binds
  abstract UnblockUserUseCase unblockUser(UnblockUserService service);

  @Binds
  abstract CheckStoreHealthUseCase checkStoreHealth(CheckStoreHealthService service);

  @Binds
  abstract OpenConnectionUseCase openConnection(OpenConnectionService service);

  @Binds
  abstract CreateRoomUseCase createRoom(CreateRoomService service);

  @Binds
  abstract DeleteMessageUseCase deleteMessage(DeleteMessageService service);

  @Binds
  abstract CloseConnectionUseCase closeConnection(CloseConnectionService service);

  @Binds
  abstract EditMessageUseCase editMessage(EditMessageService service);

  @Binds
  abstract GetConnectionOwnerUseCase getConnectionOwner(GetConnectionOwnerService service);

  @Binds
  abstract GetMessageUseCase getMessage(GetMessageService service);

  @Binds
  abstract GetRoomPresenceUseCase getRoomPresence(GetRoomPresenceService service);

  @Binds
  abstract GetRoomUseCase getRoom(GetRoomService service);

  @Binds
  abstract GetUnreadCountsUseCase getUnreadCounts(GetUnreadCountsService service);

  @Binds
  abstract RecordHeartbeatUseCase recordHeartbeat(RecordHeartbeatService service);

  @Binds
  abstract InviteMemberUseCase inviteMember(InviteMemberService service);

  @Binds
  abstract JoinRoomUseCase joinRoom(JoinRoomService service);

  @Binds
  abstract KickMemberUseCase kickMember(KickMemberService service);

  @Binds
  abstract LeaveRoomUseCase leaveRoom(LeaveRoomService service);

  @Binds
  abstract ListBansUseCase listBans(ListBansService service);

  @Binds
  abstract ListHistoryUseCase listHistory(ListHistoryService service);

  @Binds
  abstract SearchMessagesUseCase searchMessages(SearchMessagesService service);

  @Binds
  abstract ListMembersUseCase listMembers(ListMembersService service);

  @Binds
  abstract ListMyRoomsUseCase listMyRooms(ListMyRoomsService service);

  @Binds
  abstract ListMutesUseCase listMutes(ListMutesService service);

  @Binds
  abstract ListPinnedMessagesUseCase listPinnedMessages(ListPinnedMessagesService service);

  @Binds
  abstract ListPublicRoomsUseCase listPublicRooms(ListPublicRoomsService service);

  @Binds
  abstract ListThreadRepliesUseCase listThreadReplies(ListThreadRepliesService service);

  @Binds
  abstract ListThreadsUseCase listThreads(ListThreadsService service);

  @Binds
  abstract MarkReadUseCase markRead(MarkReadService service);

  @Binds
  abstract MarkUnreadUseCase markUnread(MarkUnreadService service);

  @Binds
  abstract MuteMemberUseCase muteMember(MuteMemberService service);

  @Binds
  abstract OpenDirectRoomUseCase openDirectRoom(OpenDirectRoomService service);

  @Binds
  abstract PinMessageUseCase pinMessage(PinMessageService service);

  @Binds
  abstract PostMessageUseCase postMessage(PostMessageService service);

  @Binds
  abstract RemoveReactionUseCase removeReaction(RemoveReactionService service);

  @Binds
  abstract ResumeRoomUseCase resumeRoom(ResumeRoomService service);

  @Binds
  abstract SendTypingUseCase sendTyping(SendTypingService service);

  @Binds
  abstract SubscribeToRoomsUseCase subscribeToRooms(SubscribeToRoomsService service);

  @Binds
  abstract UnbanMemberUseCase unbanMember(UnbanMemberService service);

  @Binds
  abstract UnmuteMemberUseCase unmuteMember(UnmuteMemberService service);

  @Binds
  abstract UnsubscribeFromRoomsUseCase unsubscribeFromRooms(UnsubscribeFromRoomsService service);

  @Binds
  abstract UpdateRoomUseCase updateRoom(UpdateRoomService service);
}
