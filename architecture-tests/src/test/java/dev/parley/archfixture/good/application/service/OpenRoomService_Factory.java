package dev.parley.archfixture.good.application.service;

import dagger.internal.DaggerGenerated;
import dagger.internal.Factory;
import dagger.internal.Provider;
import dev.parley.archfixture.good.application.port.out.RoomStorePort;
import javax.annotation.processing.Generated;

/**
 * Stands in for the factory Dagger generates, which uses dagger.internal and names
 * javax.annotation.processing.Generated. {@code @Generated} is source-retained, so the class
 * literal below keeps the reference in the byte code the rule sees.
 */
@DaggerGenerated
@Generated("dagger.internal.codegen.ComponentProcessor")
public final class OpenRoomService_Factory implements Factory<OpenRoomService> {
  private final Provider<RoomStorePort> rooms;

  public OpenRoomService_Factory(Provider<RoomStorePort> rooms) {
    this.rooms = rooms;
  }

  @Override
  public OpenRoomService get() {
    return new OpenRoomService(rooms.get());
  }

  public static Class<?> generator() {
    return Generated.class;
  }
}
