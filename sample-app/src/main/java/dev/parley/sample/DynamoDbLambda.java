package dev.parley.sample;

import dev.parley.adapter.lambda.ConnectAuthorizerHandler;
import dev.parley.adapter.lambda.HttpApiHandler;
import dev.parley.adapter.lambda.SnapStartPriming;
import dev.parley.adapter.lambda.WebSocketHandler;

/**
 * The DynamoDB deployment's handler classes, named in {@code template.yaml} as {@code
 * dev.parley.sample.DynamoDbLambda$Http::handleRequest} and so on: no-argument subclasses of the
 * generic handlers around the one {@link LambdaDynamoDbComponent} of this execution environment,
 * built (and registered for SnapStart priming, with its warm-ups started) during init by {@link
 * SnapStartPriming#initialise}.
 */
public final class DynamoDbLambda {
  private DynamoDbLambda() {}

  private static final class Holder {
    static final LambdaDynamoDbComponent RUNTIME =
        SnapStartPriming.initialise(LambdaDynamoDbComponent::fromEnvironment);
  }

  /** HTTP API (payload v2). */
  public static final class Http extends HttpApiHandler {
    public Http() {
      super(Holder.RUNTIME);
    }
  }

  /** WebSocket API: {@code $connect}, {@code $disconnect}, {@code $default} and the actions. */
  public static final class WebSocket extends WebSocketHandler {
    public WebSocket() {
      super(Holder.RUNTIME);
    }
  }

  /** The {@code $connect} REQUEST authorizer; needs only the identity resolver. */
  public static final class Authorizer extends ConnectAuthorizerHandler {
    public Authorizer() {
      super(Holder.RUNTIME.identity());
    }
  }
}
