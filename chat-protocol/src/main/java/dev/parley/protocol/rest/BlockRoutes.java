package dev.parley.protocol.rest;

import dev.parley.application.port.in.BlockUserCommand;
import dev.parley.application.port.in.BlockUserUseCase;
import dev.parley.application.port.in.ListBlockedUsersQuery;
import dev.parley.application.port.in.ListBlockedUsersUseCase;
import dev.parley.application.port.in.UnblockUserCommand;
import dev.parley.application.port.in.UnblockUserUseCase;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.http.ApiResponse;
import dev.parley.protocol.json.PageJson;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** The caller's block list. */
public final class BlockRoutes {
  private final BlockUserUseCase blockUser;
  private final UnblockUserUseCase unblockUser;
  private final ListBlockedUsersUseCase listBlocked;

  @Inject
  public BlockRoutes(
      BlockUserUseCase blockUser,
      UnblockUserUseCase unblockUser,
      ListBlockedUsersUseCase listBlocked) {
    this.blockUser = blockUser;
    this.unblockUser = unblockUser;
    this.listBlocked = listBlocked;
  }

  public List<Route> routes() {
    return List.of(
        Route.of("GET", "/me/blocks", this::list),
        Route.of("PUT", "/me/blocks/{userId}", this::block),
        Route.of("DELETE", "/me/blocks/{userId}", this::unblock));
  }

  private ApiResponse list(Call call) {
    return Responses.ok(
        PageJson.of(
            listBlocked.listBlockedUsers(
                new ListBlockedUsersQuery(
                    call.user(), call.query("cursor"), call.queryInt("limit"))),
            (UserId user) -> Map.of("userId", user.value())));
  }

  private ApiResponse block(Call call) {
    blockUser.blockUser(new BlockUserCommand(call.user(), call.path("userId")));
    return Responses.noContent();
  }

  private ApiResponse unblock(Call call) {
    unblockUser.unblockUser(new UnblockUserCommand(call.user(), call.path("userId")));
    return Responses.noContent();
  }
}
