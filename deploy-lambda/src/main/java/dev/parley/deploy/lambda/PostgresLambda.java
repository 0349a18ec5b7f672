package dev.parley.deploy.lambda;

import dev.parley.adapter.lambda.ConnectAuthorizerHandler;
import dev.parley.adapter.lambda.FanOutHandler;
import dev.parley.adapter.lambda.HttpApiHandler;
import dev.parley.adapter.lambda.LambdaInit;
import dev.parley.adapter.lambda.RestApiHandler;
import dev.parley.adapter.lambda.WebSocketHandler;

/**
 * The PostgreSQL deployment's handler classes, named in its template as {@code
 * dev.parley.deploy.lambda.PostgresLambda$Http::handleRequest} and so on: no-argument subclasses of
 * the generic handlers around the one {@link LambdaPostgresComponent} of this execution
 * environment, built during init by {@link LambdaInit}.
 */
public final class PostgresLambda {
  private PostgresLambda() {}

  /** Builds the runtime when Lambda constructs the first handler class: during its init phase. */
  private static final LambdaInit<LambdaPostgresComponent> INIT =
      new LambdaInit<>(LambdaPostgresComponent::fromEnvironment);

  /** REST API (v1 payload). */
  public static final class Rest extends RestApiHandler {
    public Rest() {
      super(INIT.runtime(LambdaInit.Entry.HTTP));
    }
  }

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
