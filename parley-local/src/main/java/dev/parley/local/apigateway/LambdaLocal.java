package dev.parley.local.apigateway;

import dev.parley.adapter.lambda.ConnectAuthorizerHandler;
import dev.parley.adapter.lambda.FanOutBatch;
import dev.parley.adapter.lambda.FanOutHandler;
import dev.parley.adapter.lambda.HttpApiHandler;
import dev.parley.adapter.lambda.LambdaConfig;
import dev.parley.adapter.lambda.LambdaRuntime;
import dev.parley.adapter.lambda.WebSocketHandler;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The whole Lambda stack on one machine: an {@link ApiGatewayEmulator} in front of the handlers of
 * one {@link LambdaRuntime}, whose Management API and Lambda clients point at the emulator (plain
 * HTTP, dummy credentials: the emulator does not check signatures). Events for more recipients than
 * the fan-out threshold go to the fan-out function ({@value #FANOUT_FUNCTION}) through the
 * emulator's Invoke API, as {@code CHAT_FANOUT_FUNCTION} sends them in AWS.
 */
public final class LambdaLocal<R extends LambdaRuntime> implements AutoCloseable {
  /** The name the fan-out function is deployed under behind the emulator's Invoke API. */
  public static final String FANOUT_FUNCTION = "parley-fanout";

  private final ApiGatewayEmulator emulator;
  private final R runtime;

  private LambdaLocal(ApiGatewayEmulator emulator, R runtime) {
    this.emulator = emulator;
    this.runtime = runtime;
  }

  /**
   * As {@link #start(String, int, int, Function)} with the default fan-out threshold ({@link
   * LambdaConfig.FanOut#DEFAULT_THRESHOLD}).
   */
  public static <R extends LambdaRuntime> LambdaLocal<R> start(
      String host, int port, Function<LambdaConfig, R> runtime) throws Exception {
    return start(host, port, LambdaConfig.FanOut.DEFAULT_THRESHOLD, runtime);
  }

  /**
   * Starts the emulator on {@code host:port} (0: a free port), then builds the runtime with a
   * configuration that posts to it and invokes the fan-out function through it, and attaches the
   * handlers.
   *
   * @param fanOutThreshold events for more recipients than this go to the fan-out function ({@code
   *     CHAT_FANOUT_THRESHOLD}); {@link Integer#MAX_VALUE} delivers every event in the request
   * @param runtime builds the deployment's component from its Lambda configuration
   * @param <R> the component, so that the caller can reach what it has beyond {@link LambdaRuntime}
   *     (the DynamoDB client to close, say)
   */
  public static <R extends LambdaRuntime> LambdaLocal<R> start(
      String host, int port, int fanOutThreshold, Function<LambdaConfig, R> runtime)
      throws Exception {
    ApiGatewayEmulator emulator = ApiGatewayEmulator.start(host, port);
    try {
      R built = runtime.apply(configFor(emulator, fanOutThreshold));
      emulator.deploy(FANOUT_FUNCTION, FanOutBatch.class, new FanOutHandler(built));
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
  static LambdaConfig configFor(ApiGatewayEmulator emulator, int fanOutThreshold) {
    return new LambdaConfig(
        emulator.connectionsEndpoint(),
        "http",
        "us-east-1",
        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")),
        LambdaConfig.DEFAULT_MAX_CONCURRENT_POSTS,
        LambdaConfig.DEFAULT_MAX_ATTEMPTS,
        LambdaConfig.DEFAULT_BACKOFF_BASE,
        new LambdaConfig.FanOut(FANOUT_FUNCTION, fanOutThreshold, emulator.lambdaEndpoint()));
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
