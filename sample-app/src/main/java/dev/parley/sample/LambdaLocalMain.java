package dev.parley.sample;

import dev.parley.adapter.lambda.LambdaConfig;
import dev.parley.local.apigateway.LambdaLocal;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --runtime=lambda-local}: the Lambda handlers of adapter-lambda, in this process, behind
 * the local API Gateway emulator, on {@code CHAT_HOST}:{@code CHAT_PORT}, on the in-memory store,
 * on DynamoDB ({@code dynamodb}: a real table; {@code dynamodb-local}: DynamoDB Local, started and
 * stopped with it) or on PostgreSQL ({@code CHAT_POSTGRES_URL}). Events for more recipients than
 * {@code CHAT_FANOUT_THRESHOLD} go to the fan-out function through the emulator's Lambda Invoke
 * API. See {@link LambdaLocalDeployment}.
 */
final class LambdaLocalMain {
  private LambdaLocalMain() {}

  static int serve(String store, Map<String, String> env, Console console) {
    SampleConfig config;
    int fanOutThreshold;
    try {
      config = SampleConfig.fromEnvironment(env, store);
      fanOutThreshold = LambdaConfig.FanOut.threshold(env);
    } catch (IllegalArgumentException e) {
      console.error(e.getMessage());
      return Main.BAD_USAGE;
    }
    Logger log = LoggerFactory.getLogger(LambdaLocalMain.class);
    if (config.developmentSecret()) {
      log.warn(Main.DEVELOPMENT_SECRET_WARNING);
    }
    LambdaLocalDeployment deployment;
    try {
      deployment = LambdaLocalDeployment.start(config, fanOutThreshold);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Main.FAILED;
    } catch (RuntimeException e) {
      // Unchecked: the store (DynamoDB unreachable, a missing table, DynamoDB Local not starting).
      console.error("cannot open the " + config.store().flag() + " store: " + Main.describe(e));
      log.debug("store failed", e);
      return Main.FAILED;
    } catch (Exception e) {
      // Checked: Jetty could not listen.
      console.error(
          "cannot start the API Gateway emulator on port "
              + config.server().port()
              + ": "
              + Main.describe(e));
      log.debug("start failed", e);
      return Main.FAILED;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("shutdown requested; stopping the emulator, then the store");
                  deployment.close();
                  log.info("Parley stopped");
                },
                "parley-lambda-local-shutdown"));
    log.info("Parley (lambda-local) started on {}", deployment.local().emulator().httpUri());
    banner(deployment, config, fanOutThreshold, console);
    try {
      deployment.local().emulator().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Main.OK;
  }

  private static void banner(
      LambdaLocalDeployment deployment, SampleConfig config, int fanOutThreshold, Console console) {
    var emulator = deployment.local().emulator();
    URI http = emulator.httpUri();
    console.print(
        "Parley on the AWS Lambda handlers ("
            + deployment.storeName()
            + ") is running at "
            + http
            + ", behind a local API Gateway emulator");
    console.print("  HTTP API:      " + http + "/rooms   (HttpApiHandler)");
    console.print(
        "  WebSocket API: "
            + emulator.webSocketUri()
            + "   ($connect authorizer, no hello frame; WebSocketHandler)");
    console.print("  @connections:  " + emulator.connectionsEndpoint() + "/@connections/{id}");
    console.print(
        "  Fan-out:       events for over "
            + fanOutThreshold
            + " connections invoke "
            + emulator.lambdaEndpoint()
            + "/2015-03-31/functions/"
            + LambdaLocal.FANOUT_FUNCTION
            + "/invocations");
    console.print("  Token:         " + Main.tokenHint(config.jwt()));
    if (config.developmentSecret()) {
      console.print("  Auth:          DEVELOPMENT secret; never use this setup in production");
    }
    console.print(
        "  Stop:          Ctrl-C (or SIGTERM) stops the emulator, then the store"
            + (config.store() == SampleConfig.Store.DYNAMODB_LOCAL
                ? " (DynamoDB Local and its data)"
                : ""));
  }
}
