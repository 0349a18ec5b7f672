package dev.parley.protocol;

import dagger.BindsInstance;
import dagger.Component;
import dev.parley.adapter.inmemory.InMemoryConnectionAdapter;
import dev.parley.adapter.inmemory.InMemoryStoreModule;
import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.in.BanMemberUseCase;
import dev.parley.application.port.in.BlockUserUseCase;
import dev.parley.application.port.in.CreateRoomUseCase;
import dev.parley.application.port.in.DeleteMessageUseCase;
import dev.parley.application.port.in.InviteMemberUseCase;
import dev.parley.application.port.in.MuteMemberUseCase;
import dev.parley.application.port.in.OpenDirectRoomUseCase;
import dev.parley.application.port.in.PostMessageUseCase;
import dev.parley.application.port.out.ClockPort;
import dev.parley.application.port.out.IdGeneratorPort;
import dev.parley.application.service.UseCaseModule;
import dev.parley.protocol.auth.IdentityResolver;
import dev.parley.protocol.rest.RestApi;
import dev.parley.protocol.ws.WebSocketApi;
import dev.parley.runtime.UuidV7IdGeneratorAdapter;
import dev.parley.runtime.ValidationModule;
import dev.parley.testkit.InMemoryDeliveryModule;
import dev.parley.testkit.adapter.ControllableClockAdapter;
import dev.parley.testkit.adapter.InMemoryEventDeliveryAdapter;
import jakarta.inject.Singleton;

/**
 * The protocol wired by Dagger as a runtime wires it, on the in-memory adapters: the REST and
 * WebSocket APIs share one chat core, plus the use cases tests need to set up a scene directly.
 */
@Singleton
@Component(
    modules = {
      InMemoryDeliveryModule.class,
      InMemoryStoreModule.class,
      UseCaseModule.class,
      ValidationModule.class
    })
public interface ProtocolTestComponent {

  /** Default settings, a controllable clock, HS256 tokens from {@link Tokens}. */
  static ProtocolTestComponent create(ControllableClockAdapter clock) {
    return create(ChatSettings.DEFAULTS, clock);
  }

  static ProtocolTestComponent create(ChatSettings settings, ClockPort clock) {
    return create(settings, clock, Tokens.resolver());
  }

  static ProtocolTestComponent create(
      ChatSettings settings, ClockPort clock, IdentityResolver identity) {
    return DaggerProtocolTestComponent.factory()
        .create(settings, clock, new UuidV7IdGeneratorAdapter(), identity);
  }

  RestApi restApi();

  WebSocketApi webSocketApi();

  CreateRoomUseCase createRoom();

  InviteMemberUseCase inviteMember();

  PostMessageUseCase postMessage();

  DeleteMessageUseCase deleteMessage();

  MuteMemberUseCase muteMember();

  BanMemberUseCase banMember();

  OpenDirectRoomUseCase openDirectRoom();

  BlockUserUseCase blockUser();

  InMemoryConnectionAdapter connections();

  InMemoryEventDeliveryAdapter delivery();

  /** Builds the component. */
  @Component.Factory
  interface Factory {
    ProtocolTestComponent create(
        @BindsInstance ChatSettings settings,
        @BindsInstance ClockPort clock,
        @BindsInstance IdGeneratorPort ids,
        @BindsInstance IdentityResolver identity);
  }
}
