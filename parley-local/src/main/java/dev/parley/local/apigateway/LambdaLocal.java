package dev.parley.local.apigateway;

import dev.parley.adapter.lambda.ConnectAuthorizerHandler;
import dev.parley.adapter.lambda.HttpApiHandler;
import dev.parley.adapter.lambda.LambdaConfig;
import dev.parley.adapter.lambda.LambdaRuntime;
import dev.parley.adapter.lambda.WebSocketHandler;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The whole Lambda stack on one machine: an {@link ApiGatewayEmulator} in front of the handlers of
 * one {@link LambdaRuntime}, whose Management API client points at the emulator (plain HTTP, dummy
 * credentials: the emulator does not check signatures).
 */
public final class LambdaLocal<R extends LambdaRuntime> implements AutoCloseable {
  private final ApiGatewayEmulator emulator;
  private final R runtime;

  private LambdaLocal(ApiGatewayEmulator emulator, R runtime) {
    this.emulator = emulator;
    this.runtime = runtime;
  }

  /**
   * Starts the emulator on {@code host:port} (0: a free port), then builds the runtime with a
   * configuration that posts to it, and attaches the handlers.
   *
   * @param runtime builds the deployment's component from its Lambda configuration
   * @param <R> the component, so that the caller can reach what it has beyond {@link LambdaRuntime}
   *     (the DynamoDB client to close, say)
   */
  public static <R extends LambdaRuntime> LambdaLocal<R> start(
      String host, int port, Function<LambdaConfig, R> runtime) throws Exception {
    ApiGatewayEmulator emulator = ApiGatewayEmulator.start(host, port);
    try {
      R built = runtime.apply(configFor(emulator));
      emulator.attach(
          new HttpApiHandler(built),
          new WebSocketHandler(built),
          new ConnectAuthorizerHandler(built.identity()));
      return new LambdaLocal<>(emulator, built);
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  /** The Lambda configuration of functions behind this emulator. */
  static LambdaConfig configFor(ApiGatewayEmulator emulator) {
    return new LambdaConfig(
        emulator.connectionsEndpoint(),
        "http",
        "us-east-1",
        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")),
        LambdaConfig.DEFAULT_MAX_CONCURRENT_POSTS,
        LambdaConfig.DEFAULT_MAX_ATTEMPTS,
        LambdaConfig.DEFAULT_BACKOFF_BASE);
  }

  public ApiGatewayEmulator emulator() {
    return emulator;
  }

  public R runtime() {
    return runtime;
  }

  @Override
  public void close() {
    emulator.close();
  }
}
