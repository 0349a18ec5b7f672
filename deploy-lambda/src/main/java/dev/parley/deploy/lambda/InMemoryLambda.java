package dev.parley.deploy.lambda;

import dev.parley.adapter.lambda.ConnectAuthorizerHandler;
import dev.parley.adapter.lambda.FanOutHandler;
import dev.parley.adapter.lambda.HttpApiHandler;
import dev.parley.adapter.lambda.LambdaInit;
import dev.parley.adapter.lambda.RestApiHandler;
import dev.parley.adapter.lambda.WebSocketHandler;

/**
 * The in-memory deployment's handler classes, for {@code Handler:} lines such as {@code
 * dev.parley.deploy.lambda.InMemoryLambda$Rest::handleRequest}. Each is a no-argument subclass of a
 * generic handler passing the one component of this execution environment, built (and registered
 * for SnapStart priming) in a static field on first use. The DynamoDB and PostgreSQL deployments
 * declare the same classes around their own components.
 */
public final class InMemoryLambda {
  private InMemoryLambda() {}

  /** Builds the runtime when Lambda constructs the first handler class: during its init phase. */
  private static final LambdaInit<LambdaInMemoryComponent> INIT =
      new LambdaInit<>(LambdaInMemoryComponent::fromEnvironment);

  /** REST API (v1 payload). */
  public static final class Rest extends RestApiHandler {
    public Rest() {
      super(INIT.runtime(LambdaInit.Entry.HTTP));
    }
  }

  /** HTTP API (v2 payload). */
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
   * by the other functions for rooms over {@code CHAT_FANOUT_THRESHOLD} recipients. Its store is
   * its own execution environment's memory, so a gone connection it finds is forgotten only there:
   * meant for the local emulator, where every function shares one process.
   */
  public static final class FanOut extends FanOutHandler {
    public FanOut() {
      super(INIT.runtime(LambdaInit.Entry.FANOUT));
    }
  }
}
