package dev.parley.adapter.lambda;

import dev.parley.application.port.in.CheckStoreHealthUseCase;
import dev.parley.application.port.out.ClockPort;
import dev.parley.application.port.out.ConnectionRegistryPort;
import dev.parley.protocol.auth.IdentityResolver;
import dev.parley.protocol.rest.RestApi;
import dev.parley.protocol.ws.Handshake;
import dev.parley.protocol.ws.WebSocketApi;
import jakarta.validation.Validator;

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
}
