package dev.parley.sample;

import dev.parley.adapter.lambda.LambdaInMemoryComponent;
import dev.parley.sample.lambdalocal.LambdaLocal;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --runtime=lambda-local}: the Lambda handlers of adapter-lambda, in this process, behind
 * the local API Gateway emulator, on {@code CHAT_HOST}:{@code CHAT_PORT}. In-memory store only.
 */
final class LambdaLocalMain {
  private LambdaLocalMain() {}

  static int serve(String store, Map<String, String> env, Console console) {
    SampleConfig config;
    try {
      config = SampleConfig.fromEnvironment(env, store);
    } catch (IllegalArgumentException e) {
      console.error(e.getMessage());
      return Main.BAD_USAGE;
    }
    if (config.store() != SampleConfig.Store.MEMORY) {
      console.error(
          "--runtime=lambda-local runs on --store=memory only, was: "
              + config.store().flag()
              + "; see --help");
      return Main.BAD_USAGE;
    }
    Logger log = LoggerFactory.getLogger(LambdaLocalMain.class);
    if (config.developmentSecret()) {
      log.warn("DEVELOPMENT MODE: tokens are verified with the built-in development secret");
    }
    LambdaLocal local;
    try {
      local =
          LambdaLocal.start(
              config.server().host(),
              config.server().port(),
              lambda -> LambdaInMemoryComponent.create(lambda, config.jwt()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Main.FAILED;
    } catch (Exception e) {
      console.error(
          "cannot start the API Gateway emulator on port "
              + config.server().port()
              + ": "
              + e.getMessage());
      log.debug("start failed", e);
      return Main.FAILED;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(local::close, "parley-lambda-local-shutdown"));
    var emulator = local.emulator();
    console.print(
        "Parley on AWS Lambda (in-memory store), behind a local API Gateway emulator at "
            + emulator.httpUri());
    console.print("  HTTP API:      " + emulator.httpUri() + "/rooms   (HttpApiHandler)");
    console.print(
        "  WebSocket API: "
            + emulator.webSocketUri()
            + "   ($connect authorizer, no hello frame; WebSocketHandler)");
    console.print("  @connections:  " + emulator.connectionsEndpoint() + "/@connections/{id}");
    if (config.developmentSecret()) {
      console.print("  Auth:      DEVELOPMENT secret; never use this setup in production");
    }
    console.print("  Stop:          Ctrl-C");
    try {
      emulator.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Main.OK;
  }
}
