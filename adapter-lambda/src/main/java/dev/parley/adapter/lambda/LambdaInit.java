package dev.parley.adapter.lambda;

import dev.parley.runtime.HibernateValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.LoggerFactory;

/**
 * The one runtime of a deployment in its execution environment, built during Lambda's init phase by
 * the first handler class Lambda constructs, with the background warm-ups that handler's first
 * requests need. A deployment holds one in a static field and each of its handler classes asks it
 * for the runtime, naming what it serves:
 *
 * <pre>{@code
 * private static final LambdaInit<LambdaDynamoDbComponent> INIT =
 *     new LambdaInit<>(LambdaDynamoDbComponent::fromEnvironment);
 *
 * public static final class Http extends HttpApiHandler {
 *   public Http() {
 *     super(INIT.runtime(LambdaInit.Entry.HTTP));
 *   }
 * }
 * }</pre>
 *
 * <p>A function runs one handler class, so the first entry is the only one. Where several handler
 * classes share a JVM (the local API Gateway emulator, tests) they share the one runtime, and the
 * first decides the warm-ups.
 */
public final class LambdaInit<R extends LambdaRuntime> {
  /** jboss-logging's system property naming its back end. */
  static final String JBOSS_LOGGING_PROVIDER = "org.jboss.logging.provider";

  /** What a function serves, which decides what its first requests need warmed up. */
  public enum Entry {
    /**
     * A REST or HTTP API: the first request reads a JSON body, validates a command, reads and
     * writes the store, and verifies a bearer token when the API has no authorizer.
     */
    HTTP,
    /**
     * The WebSocket API: the first request is a {@code $connect} (a command and the connection
     * registry, no JSON), and frames come after it.
     */
    WEBSOCKET,
    /** The {@code $connect} REQUEST authorizer: verifies tokens, validates nothing. */
    AUTHORIZER,
    /**
     * The fan-out function: posts frames through the Management API and removes gone connections
     * from the store; validates nothing and reads no JSON of the protocol.
     */
    FANOUT,
    /**
     * A scheduled maintenance function (the PostgreSQL deployment's purge of expired rows): works
     * on the store alone.
     */
    MAINTENANCE
  }

  private final Supplier<R> component;
  private R runtime;

  /** Strong references: the CRaC context may hold its resources weakly. */
  private final List<Resource> registered = new ArrayList<>();

  public LambdaInit(Supplier<R> component) {
    this.component = component;
  }

  /**
   * The runtime, built on the first call: starts the validator's bootstrap first unless {@code
   * entry} is the authorizer or the fan-out function (the bootstrap is the longest single part of a
   * cold first request, so it runs on the second core while the component is built), builds the
   * component, registers its {@link LambdaRuntime#snapshotResources()} and then its priming with
   * CRaC for SnapStart, and starts the warm-ups of {@code entry} ({@link
   * SnapStartPriming#startInBackground}).
   */
  public synchronized R runtime(Entry entry) {
    if (runtime == null) {
      // Hibernate Validator logs one line at start-up through jboss-logging, which otherwise sets
      // up java.util.logging for it: about 35 ms of CPU on a cold start, on the validator's
      // critical path (docs/benchmarks.md). The deployments log through SLF4J anyway.
      if (System.getProperty(JBOSS_LOGGING_PROVIDER) == null) {
        System.setProperty(JBOSS_LOGGING_PROVIDER, "slf4j");
      }
      // SLF4J initialises on first use; a thread logging while another is initialising it gets a
      // substitute logger, and SLF4J replays those calls with a warning on standard error. So it
      // is initialised here, before the validator's thread (whose start-up line goes through it,
      // see above) or any warm-up thread starts.
      LoggerFactory.getILoggerFactory();
      if (entry == Entry.HTTP || entry == Entry.WEBSOCKET) {
        HibernateValidation.startBuilding();
      }
      R built = component.get();
      // The deployment's resources first: CRaC calls beforeCheckpoint in reverse order of
      // registration, so a pool evicts its connections after the priming has used one.
      List<Resource> resources = new ArrayList<>(built.snapshotResources());
      SnapStartPriming priming = new SnapStartPriming(built);
      resources.add(priming);
      for (Resource resource : resources) {
        registered.add(resource);
        Core.getGlobalContext().register(resource);
      }
      priming.startInBackground(entry);
      runtime = built;
    }
    return runtime;
  }

  /**
   * The CRaC resources registered for the runtime, in the order of registration (empty before the
   * first {@link #runtime}): CRaC calls their {@code beforeCheckpoint} from last to first and their
   * {@code afterRestore} from first to last, and a test can play a snapshot and a restore by doing
   * the same.
   */
  public synchronized List<Resource> snapshotResources() {
    return List.copyOf(registered);
  }
}
