package dev.parley.adapter.lambda;

import dev.parley.application.port.in.CheckStoreHealthUseCase;
import dev.parley.application.port.out.ClockPort;
import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.protocol.auth.IdentityResolver;
import dev.parley.protocol.rest.RestApi;
import dev.parley.protocol.ws.Handshake;
import dev.parley.protocol.ws.WebSocketApi;
import dev.parley.runtime.UuidV7IdGeneratorAdapter;
import jakarta.validation.Validator;
import java.util.List;
import org.crac.Resource;

/**
 * What the handlers need from a deployment's object graph. A deployment's Dagger component extends
 * this interface (with {@link LambdaModule}, a store module, {@code UseCaseModule} and a validation
 * module) and is built once per execution environment.
 */
public interface LambdaRuntime {
  RestApi restApi();

  WebSocketApi webSocketApi();

  IdentityResolver identity();

  Handshake handshake();

  /** Posts to connections: replies, events in the request, and the fan-out function's batches. */
  ManagementApiDeliveryAdapter delivery();

  /** The events' delivery port, which hands big audiences to the fan-out function. */
  LambdaFanOutDeliveryAdapter fanOutDelivery();

  ConnectionRegistryPort connections();

  ClockPort clock();

  Validator validator();

  /**
   * The store's health check; SnapStart priming calls it to warm the store client's request path.
   */
  CheckStoreHealthUseCase checkStoreHealth();

  /** The id generator, which a restore from a SnapStart snapshot re-seeds. */
  UuidV7IdGeneratorAdapter idGenerator();

  /**
   * What the deployment must do around a SnapStart snapshot besides {@link SnapStartPriming}: a
   * store whose connections do not survive a restore evicts them. {@link LambdaInit} registers
   * these with CRaC before the priming, so CRaC runs their {@code beforeCheckpoint} after the
   * priming's (it goes in reverse order of registration) and their {@code afterRestore} first. A
   * default method, so Dagger leaves it alone; none by default.
   */
  default List<Resource> snapshotResources() {
    return List.of();
  }
}
