package dev.parley.sample;

import dev.parley.adapter.fargate.ChatServer;
import dev.parley.deploy.fargate.FargateDeployment;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.auth.DevTokens;
import dev.parley.protocol.auth.JwtSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runnable sample: {@code java -jar parley-sample.jar} starts the chat server on the embedded
 * in-memory store and stops it gracefully on SIGTERM or Ctrl-C; {@code --dev-token alice} prints a
 * development token; {@code --help} prints the usage. Configuration comes from environment
 * variables (see {@link #USAGE}); a bad value ends the process with a one-line error and exit
 * status {@value #BAD_USAGE}.
 */
public final class Main {
  /** Exit status: done. */
  static final int OK = 0;

  /** Exit status: the server could not start (the port is taken, for example). */
  static final int FAILED = 1;

  /** Exit status: bad arguments or configuration. */
  static final int BAD_USAGE = 2;

  /** How long a {@code --dev-token} token is valid. */
  static final Duration DEV_TOKEN_TTL = Duration.ofHours(12);

  static final String USAGE =
      """
      Usage: java -jar parley-sample.jar [--runtime=RUNTIME] [--store=STORE] [--bus=BUS]
             java -jar parley-sample.jar --dev-token USER | --help

      Without arguments, starts the Parley chat server (REST, WebSocket /ws, /health/live,
      /health/ready) with an in-memory store: data lives as long as the process. Ctrl-C or
      SIGTERM stops it gracefully (in-flight requests finish, WebSockets close with 1001).
      With the built-in development secret (no JWT settings) on the fargate runtime, it also
      serves a browser chat demo at / and development tokens at POST /dev/token.

      Options:
        --runtime=RUNTIME  fargate (default): the Jetty server, or
                           lambda-local: the AWS Lambda handlers behind a local API Gateway
                             emulator (HTTP API on CHAT_PORT, WebSocket API at /ws, its
                             @connections endpoint at /ws/@connections); every store,
                             dynamodb-local or postgres for the whole Lambda stack on one
                             machine; no hello frame on connect, as on AWS
        --store=STORE      memory (default), or
                           postgres: PostgreSQL at CHAT_POSTGRES_URL, shared by every node
                             (migrations applied at start, events across nodes), or
                           dynamodb: the DynamoDB table CHAT_DYNAMODB_TABLE (on fargate,
                             events reach this node's WebSockets only), or
                           dynamodb-local: development; starts DynamoDB Local (the official
                             emulator, resolved with Maven on first run) in a JVM of its own,
                             in memory, creates the table and stops the emulator on exit
        --bus=BUS          how fargate nodes sharing a store reach each other's WebSockets:
                           postgres (default with --store=postgres): LISTEN/NOTIFY, or
                           redis: Redis/Valkey pub/sub at CHAT_REDIS_URL, with postgres or
                             dynamodb (several nodes on one table), or
                           none (default elsewhere): a single node
        --dev-token USER   print an HS256 token for USER, valid 12 hours, and exit
        -h, --help         print this help and exit

      Environment:
        CHAT_HOST          address to bind (default 0.0.0.0, every interface)
        CHAT_PORT          port to listen on (default 8080; 0 picks a free one)
        CHAT_DRAIN_SECONDS how long a stop may drain in-flight work (default 25)
        CHAT_CORS_ALLOWED_ORIGINS  web origins whose pages may call the API from a browser,
                           comma-separated (https://app.example.com), or *; unset: none
        CHAT_JWT_SECRET    HS256 secret shared with your token issuer, at least 32 bytes
        CHAT_JWT_JWKS_URL  JWKS URL of Cognito or another OIDC issuer (RS256/ES256)
        CHAT_JWT_ISSUER    expected "iss" claim; required with CHAT_JWT_JWKS_URL
        CHAT_JWT_AUDIENCE  expected "aud" claim (optional)
        CHAT_STORE         the store when --store is not given (default memory)
        CHAT_POSTGRES_URL  jdbc:postgresql://host:5432/database; required with postgres
        CHAT_POSTGRES_USER, CHAT_POSTGRES_PASSWORD, CHAT_POSTGRES_SCHEMA,
        CHAT_POSTGRES_POOL_SIZE (default 10)   optional PostgreSQL settings
        CHAT_DYNAMODB_TABLE  the table; required with dynamodb (dynamodb-local: parley)
        AWS_REGION         the table's region (default us-east-1); credentials come from the
                           AWS SDK's default chain (environment, profile, task role)
        CHAT_DYNAMODB_ENDPOINT  an endpoint override for dynamodb, e.g. http://127.0.0.1:8000
        CHAT_DYNAMODB_CREATE_TABLE  true creates the table at start if missing (development;
                           default false: the table must exist)
        CHAT_BUS           the bus when --bus is not given
        CHAT_REDIS_URL     redis://host:6379 (rediss:// for TLS); required with redis
        CHAT_REDIS_CHANNEL_PREFIX  names the deployment's channel (default parley); deployments
                           sharing one Redis need different ones
      Without CHAT_JWT_SECRET and CHAT_JWT_JWKS_URL, tokens are signed and verified with a
      built-in DEVELOPMENT secret that anyone can read: never run that way in production.

      Exit status: 0 done, 1 the server could not start, 2 bad arguments or configuration.""";

  static final String DEVELOPMENT_SECRET_WARNING =
      "!!! DEVELOPMENT MODE: neither "
          + JwtSettings.ENV_SECRET
          + " nor "
          + JwtSettings.ENV_JWKS_URL
          + " is set, so tokens are verified with the built-in development secret, which is"
          + " published in the source code: anyone can mint a token for any user. NEVER run"
          + " this in production; set "
          + JwtSettings.ENV_JWKS_URL
          + " and "
          + JwtSettings.ENV_ISSUER
          + " (Cognito or another OIDC issuer). !!!";

  private Main() {}

  public static void main(String[] args) {
    int status = run(args, System.getenv(), Console.system());
    // A successful run returns normally: after a graceful stop the JVM is already shutting down,
    // and System.exit from inside a shutdown would block forever.
    if (status != OK) {
      System.exit(status);
    }
  }

  /**
   * Runs the command line and returns the exit status. Serving blocks until the server has stopped.
   */
  static int run(String[] args, Map<String, String> env, Console console) {
    Command command;
    try {
      command = Command.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      console.error(e.getMessage() + "; see --help");
      return BAD_USAGE;
    }
    return switch (command) {
      case Command.Help help -> {
        console.print(USAGE);
        yield OK;
      }
      case Command.DevToken devToken -> devToken(devToken.user(), env, console);
      case Command.Serve serve ->
          serve.runtime() == null || serve.runtime().equals(FARGATE)
              ? serve(serve.store(), serve.bus(), env, console)
              : serve.runtime().equals(LAMBDA_LOCAL)
                  ? serve.bus() == null
                      ? LambdaLocalMain.serve(serve.store(), env, console)
                      : busOnLambda(console)
                  : unknownRuntime(serve.runtime(), console);
    };
  }

  /** {@code --runtime}: the Jetty server of adapter-fargate (default). */
  static final String FARGATE = "fargate";

  /** {@code --runtime}: the Lambda handlers behind the local API Gateway emulator. */
  static final String LAMBDA_LOCAL = "lambda-local";

  private static int busOnLambda(Console console) {
    console.error(
        "--bus is for the fargate runtime: on lambda-local every post reaches its subscribers"
            + " through the @connections endpoint; see --help");
    return BAD_USAGE;
  }

  private static int unknownRuntime(String runtime, Console console) {
    console.error(
        "--runtime must be one of "
            + FARGATE
            + "|"
            + LAMBDA_LOCAL
            + ", was: '"
            + runtime
            + "'; see --help");
    return BAD_USAGE;
  }

  private static int devToken(String user, Map<String, String> env, Console console) {
    JwtSettings jwt;
    UserId userId;
    try {
      jwt = SampleConfig.jwtSettings(env);
      userId = UserId.of(user);
    } catch (IllegalArgumentException e) {
      console.error(e.getMessage());
      return BAD_USAGE;
    }
    if (!(jwt.keys() instanceof JwtSettings.SharedSecret secret)) {
      console.error(
          "--dev-token signs with an HS256 secret, but "
              + JwtSettings.ENV_JWKS_URL
              + " is set: get tokens from your identity provider");
      return BAD_USAGE;
    }
    console.print(
        DevTokens.issue(secret.value(), userId, DEV_TOKEN_TTL, jwt.issuer(), jwt.audience()));
    if (SampleConfig.usesDevelopmentSecret(env)) {
      console.note("(signed with the built-in development secret; valid for 12 hours)");
    }
    return OK;
  }

  private static int serve(String store, String bus, Map<String, String> env, Console console) {
    SampleConfig config;
    try {
      config = SampleConfig.fromEnvironment(env, store, bus);
    } catch (IllegalArgumentException e) {
      console.error(e.getMessage());
      return BAD_USAGE;
    }
    Logger log = LoggerFactory.getLogger(Main.class);
    if (config.developmentSecret()) {
      log.warn(DEVELOPMENT_SECRET_WARNING);
    }
    FargateDeployment deployment;
    try {
      deployment = SampleDeployment.of(config);
    } catch (RuntimeException e) {
      console.error("cannot open the " + config.store().flag() + " store: " + describe(e));
      log.debug("store failed", e);
      return FAILED;
    }
    boolean demo = config.developmentSecret() && DemoHandler.packaged();
    if (demo && config.jwt().keys() instanceof JwtSettings.SharedSecret secret) {
      deployment
          .server()
          .addExtraHandler(
              new DemoHandler(secret.value(), config.jwt().issuer(), config.jwt().audience()));
    }
    try {
      deployment.start();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FAILED;
    } catch (Exception e) {
      console.error(
          "cannot start the server on port " + config.server().port() + ": " + describe(e));
      log.debug("start failed", e);
      return FAILED;
    }
    banner(deployment.server(), config, deployment.storeName(), demo, console);
    deployment.awaitStop();
    return OK;
  }

  private static void banner(
      ChatServer server, SampleConfig config, String storeName, boolean demo, Console console) {
    URI http = server.httpUri();
    URI ws = server.webSocketUri();
    console.print("Parley chat server (" + storeName + ") is running at " + http);
    console.print("  REST:      " + http + "/rooms   (health: /health/live, /health/ready)");
    console.print("  WebSocket: " + ws);
    console.print("  Token:     " + tokenHint(config.jwt()));
    if (demo) {
      console.print("  Demo:      " + http + "/   (browser chat; sign in with any name)");
    }
    if (config.developmentSecret()) {
      console.print("  Auth:      DEVELOPMENT secret; never use this setup in production");
    }
    console.print("  Stop:      Ctrl-C (or SIGTERM) drains in-flight requests, then exits");
  }

  /** Where a user gets a token, for the banners: {@code --dev-token} or the identity provider. */
  static String tokenHint(JwtSettings jwt) {
    if (jwt.keys() instanceof JwtSettings.SharedSecret) {
      return selfCommand() + " --dev-token alice";
    }
    return "from your identity provider (" + jwt.issuer() + ")";
  }

  /** How this program was started, for the banner: the jar's path when run from the jar. */
  private static String selfCommand() {
    CodeSource source = Main.class.getProtectionDomain().getCodeSource();
    if (source != null && source.getLocation() != null) {
      try {
        Path location = Path.of(source.getLocation().toURI());
        if (location.toString().endsWith(".jar")) {
          Path here = Path.of("").toAbsolutePath();
          return "java -jar " + (location.startsWith(here) ? here.relativize(location) : location);
        }
      } catch (URISyntaxException | IllegalArgumentException e) {
        // Not a file: fall through to the generic form.
      }
    }
    return "java -jar parley-sample.jar";
  }

  /** The exception's message and its root cause's, on one line. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(e.getMessage());
    if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
      message += " (" + root.getMessage() + ")";
    }
    return message.replace('\n', ' ');
  }

  /** What the command line asks for. */
  sealed interface Command {
    /**
     * @param store the value of {@code --store}, or null
     * @param runtime the value of {@code --runtime}, or null (fargate)
     * @param bus the value of {@code --bus}, or null
     */
    record Serve(String store, String runtime, String bus) implements Command {}

    record Help() implements Command {}

    record DevToken(String user) implements Command {}

    /**
     * @throws IllegalArgumentException for an unknown or incomplete argument
     */
    static Command parse(List<String> args) {
      if (args.isEmpty()) {
        return new Serve(null, null, null);
      }
      String first = args.getFirst();
      if (first.equals("-h") || first.equals("--help")) {
        requireNoMore(args, 1);
        return new Help();
      }
      if (first.startsWith("--dev-token=")) {
        requireNoMore(args, 1);
        return devToken(first.substring("--dev-token=".length()));
      }
      if (first.equals("--dev-token")) {
        if (args.size() < 2) {
          throw new IllegalArgumentException(
              "--dev-token needs a user id, as in --dev-token alice");
        }
        requireNoMore(args, 2);
        return devToken(args.get(1));
      }
      // Serving: --store, --runtime and --bus, each at most once, in any order.
      String store = null;
      String runtime = null;
      String bus = null;
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        String option;
        String value;
        if (arg.startsWith("--store=")
            || arg.startsWith("--runtime=")
            || arg.startsWith("--bus=")) {
          option = arg.substring(0, arg.indexOf('='));
          value = arg.substring(arg.indexOf('=') + 1);
        } else if (arg.equals("--store") || arg.equals("--runtime") || arg.equals("--bus")) {
          option = arg;
          if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(needsValue(option));
          }
          value = args.get(++i);
        } else if (i == 0) {
          throw new IllegalArgumentException("unknown argument '" + arg + "'");
        } else {
          throw new IllegalArgumentException("unexpected argument '" + arg + "'");
        }
        if (value.isBlank()) {
          throw new IllegalArgumentException(needsValue(option));
        }
        if (option.equals("--store")) {
          if (store != null) {
            throw new IllegalArgumentException("unexpected argument '" + arg + "'");
          }
          store = value;
        } else if (option.equals("--bus")) {
          if (bus != null) {
            throw new IllegalArgumentException("unexpected argument '" + arg + "'");
          }
          bus = value;
        } else {
          if (runtime != null) {
            throw new IllegalArgumentException("unexpected argument '" + arg + "'");
          }
          runtime = value;
        }
      }
      return new Serve(store, runtime, bus);
    }

    private static String needsValue(String option) {
      return switch (option) {
        case "--store" -> "--store needs a value, as in --store=postgres";
        case "--bus" -> "--bus needs a value, as in --bus=redis";
        default -> "--runtime needs a value, as in --runtime=lambda-local";
      };
    }

    private static Command devToken(String user) {
      if (user.isBlank()) {
        throw new IllegalArgumentException("--dev-token needs a user id, as in --dev-token alice");
      }
      return new DevToken(user);
    }

    private static void requireNoMore(List<String> args, int used) {
      if (args.size() > used) {
        throw new IllegalArgumentException("unexpected argument '" + args.get(used) + "'");
      }
    }
  }
}
