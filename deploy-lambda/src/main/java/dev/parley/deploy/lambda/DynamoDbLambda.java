package dev.parley.deploy.lambda;

import dev.parley.adapter.lambda.ConnectAuthorizerHandler;
import dev.parley.adapter.lambda.FanOutHandler;
import dev.parley.adapter.lambda.HttpApiHandler;
import dev.parley.adapter.lambda.LambdaInit;
import dev.parley.adapter.lambda.WebSocketHandler;

/**
 * The DynamoDB deployment's handler classes, named in {@code template.yaml} as {@code
 * dev.parley.deploy.lambda.DynamoDbLambda$Http::handleRequest} and so on: no-argument subclasses of
 * the generic handlers around the one {@link LambdaDynamoDbComponent} of this execution
 * environment, built (and registered for SnapStart priming, with the warm-ups of the handler's
 * entry started) during init by {@link LambdaInit}.
 */
public final class DynamoDbLambda {
  private DynamoDbLambda() {}

  /** Builds the runtime when Lambda constructs the first handler class: during its init phase. */
  private static final LambdaInit<LambdaDynamoDbComponent> INIT =
      new LambdaInit<>(LambdaDynamoDbComponent::fromEnvironment);

  /** HTTP API (payload v2). */
  public static final class Http extends HttpApiHandler {
    public Http() {
      super(INIT.runtime(LambdaInit.Entry.HTTP));
    }
  }

  /** WebSocket API: {@code $connect}, {@code $disconnect}, {@code $default} and the actions. */
  public static final class WebSocket extends WebSocketHandler {
    public WebSocket() {
      super(INIT.runtime(LambdaInit.Entry.WEBSOCKET));
    }
  }

  /** The {@code $connect} REQUEST authorizer; needs only the identity resolver. */
  public static final class Authorizer extends ConnectAuthorizerHandler {
    public Authorizer() {
      super(INIT.runtime(LambdaInit.Entry.AUTHORIZER).identity());
    }
  }

  /**
   * The fan-out function: posts the event of one batch to its connections, invoked asynchronously
   * by the other functions for rooms over {@code CHAT_FANOUT_THRESHOLD} recipients.
   */
  public static final class FanOut extends FanOutHandler {
    public FanOut() {
      super(INIT.runtime(LambdaInit.Entry.FANOUT));
    }
  }
}
