package dev.parley.deploy.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.parley.adapter.lambda.ConnectAuthorizerHandler;
import dev.parley.adapter.lambda.FanOutHandler;
import dev.parley.adapter.lambda.HttpApiHandler;
import dev.parley.adapter.lambda.LambdaConfig;
import dev.parley.adapter.lambda.LambdaInit;
import dev.parley.adapter.lambda.RestApiHandler;
import dev.parley.adapter.lambda.WebSocketHandler;
import dev.parley.adapter.postgres.PostgresConfig;
import dev.parley.adapter.postgres.PostgresMigrations;
import dev.parley.adapter.postgres.PostgresStorePurge;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The PostgreSQL deployment's handler classes, named in its template as {@code
 * dev.parley.deploy.lambda.PostgresLambda$Http::handleRequest} and so on: no-argument subclasses of
 * the generic handlers around the one {@link LambdaPostgresComponent} of this execution
 * environment, built during init by {@link LambdaInit}; and {@link Migrate}, the deployment step
 * that applies the schema migrations, which the request functions never do.
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
   * Applies the schema migrations: as a CloudFormation custom resource, or when invoked with any
   * other payload ({@link MigrationCustomResource}). Builds no runtime: it needs the database
   * settings of the other functions and nothing else, read on the first invocation rather than
   * during init, so that a wrong setting (or a secret that cannot be read) is answered as a failed
   * custom resource with its reason instead of failing the init.
   */
  public static final class Migrate implements RequestStreamHandler {
    private final MigrationCustomResource function =
        new MigrationCustomResource(() -> migrate(settings()));

    /** Read once per execution environment, when first needed; not kept when reading failed. */
    private PostgresConfig settings;

    private synchronized PostgresConfig settings() {
      if (settings == null) {
        Map<String, String> env = System.getenv();
        settings =
            LambdaPostgresEnvironment.read(env, LambdaConfig.fromEnvironment(env).credentials());
      }
      return settings;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
        throws IOException {
      try {
        function.handle(input, output, context);
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("the migrations failed: " + e.getMessage(), e);
      }
    }

    /**
     * Migrates the database a function with {@code env} would use, as the migration function does;
     * returns how many migrations ran. The local Lambda stack calls it before it starts, in place
     * of the deployment step.
     */
    public static int migrate(Map<String, String> env) {
      LambdaConfig lambda = LambdaConfig.fromEnvironment(env);
      return migrate(LambdaPostgresEnvironment.read(env, lambda.credentials()));
    }

    /** Migrates the database of {@code config} with the migration function's timeouts. */
    public static int migrate(PostgresConfig config) {
      return PostgresMigrations.migrate(LambdaPostgresEnvironment.forMigrations(config));
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

  /**
   * The scheduled purge of the store (an EventBridge schedule in {@code template-postgres.yaml}):
   * PostgreSQL has no TTL, and no server thread runs Fargate's housekeeping here, so expired
   * connections and their subscriptions, typing notices and old rate-limit windows are deleted by
   * this function ({@link PostgresStorePurge}). Returns the rows deleted per purge; a purge that
   * failed is absent and is tried again on the next schedule.
   */
  public static final class Housekeeping
      implements RequestHandler<Map<String, Object>, Map<String, Integer>> {
    private final LambdaPostgresComponent runtime = INIT.runtime(LambdaInit.Entry.MAINTENANCE);

    @Override
    public Map<String, Integer> handleRequest(Map<String, Object> event, Context context) {
      return runtime.storePurge().purgeOnce(runtime.clock().now());
    }
  }
}
