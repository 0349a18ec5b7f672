package dev.parley.deploy.fargate;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of the Fargate container: reads {@link FargateSettings} from the environment,
 * builds the deployment of the selected store, serves until SIGTERM (which ECS sends to stop a
 * task) and drains. Every failure is one log line and an exit status: {@value #BAD_CONFIGURATION}
 * for a bad setting, {@value #FAILED} when the store or the server cannot start.
 */
public final class FargateMain {
  /** Exit status: the store or the server could not start. */
  static final int FAILED = 1;

  /** Exit status: a setting is missing or malformed. */
  static final int BAD_CONFIGURATION = 2;

  private static final Logger LOG = LoggerFactory.getLogger(FargateMain.class);

  private FargateMain() {}

  public static void main(String[] args) {
    switch (start(System.getenv())) {
      case Outcome.Started started -> started.deployment().awaitStop();
      case Outcome.Failed failed -> System.exit(failed.exitStatus());
    }
  }

  /** What {@link #start} came to. */
  sealed interface Outcome {
    /** Serving; SIGTERM stops it. */
    record Started(FargateDeployment deployment) implements Outcome {}

    /** Not started, and why was logged. */
    record Failed(int exitStatus) implements Outcome {}
  }

  /** Builds and starts the deployment the environment describes. */
  static Outcome start(Map<String, String> env) {
    FargateSettings settings;
    try {
      settings = FargateSettings.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      LOG.error("bad configuration: {}", e.getMessage());
      return new Outcome.Failed(BAD_CONFIGURATION);
    }
    FargateDeployment deployment;
    try {
      deployment = FargateDeployment.of(settings);
    } catch (RuntimeException e) {
      LOG.error("cannot open the {} store: {}", settings.store().flag(), e.getMessage(), e);
      return new Outcome.Failed(FAILED);
    }
    try {
      deployment.start();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.Failed(FAILED);
    } catch (Exception e) {
      LOG.error("cannot start the server on port {}: {}", settings.server().port(), e.getMessage());
      return new Outcome.Failed(FAILED);
    }
    return new Outcome.Started(deployment);
  }
}
