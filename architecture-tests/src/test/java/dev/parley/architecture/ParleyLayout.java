package dev.parley.architecture;

/**
 * Where each part of Parley lives, relative to one root package. The rules are written against a
 * layout rather than hard-coded package names so that the very same rules run on the real code
 * ({@link #PRODUCTION}) and on the deliberately good and bad fixtures under {@code
 * dev.parley.archfixture}, which mirror the real package tree.
 */
public record ParleyLayout(String root) {

  /** The real code: every module's main classes. */
  public static final ParleyLayout PRODUCTION = new ParleyLayout("dev.parley");

  /** chat-domain. */
  public String domain() {
    return root + ".domain..";
  }

  /** chat-application. */
  public String application() {
    return root + ".application..";
  }

  /** Inbound ports: use cases with their command, query and result records. */
  public String portIn() {
    return root + ".application.port.in..";
  }

  /** Outbound ports and the sealed results and records they exchange. */
  public String portOut() {
    return root + ".application.port.out..";
  }

  /** The classes that implement the use cases. */
  public String service() {
    return root + ".application.service..";
  }

  /** chat-testkit. */
  public String testkit() {
    return root + ".testkit..";
  }

  /** chat-runtime: the production wiring of the core (clock, ids, validator, CoreModule). */
  public String runtime() {
    return root + ".runtime..";
  }

  /** adapter-inmemory: the embedded store, which the testkit's InMemoryChat runs on. */
  public String inMemoryStore() {
    return root + ".adapter.inmemory..";
  }

  /** chat-protocol: JSON and routes shared by the edge adapters. */
  public String protocol() {
    return root + ".protocol..";
  }

  /** Every adapter module (fargate, lambda, postgres, dynamodb, and any later one). */
  public String adapters() {
    return root + ".adapter..";
  }

  /** parley-local: the API Gateway emulator and the DynamoDB Local launcher. */
  public String local() {
    return root + ".local..";
  }

  /** The deployables (deploy-lambda, deploy-fargate): one composition root per deployment. */
  public String deployables() {
    return root + ".deploy..";
  }

  /** Inbound adapters and the protocol they share: they drive the core through use cases. */
  public String[] inbound() {
    return new String[] {protocol(), root + ".adapter.fargate..", root + ".adapter.lambda.."};
  }

  /** Cluster buses (bus-postgres, and any later one): they carry the protocol's frames. */
  public String buses() {
    return root + ".bus..";
  }

  /** The runnable sample with its local modes. */
  public String sample() {
    return root + ".sample..";
  }

  /** One slice per adapter module. */
  public String adapterSlices() {
    return root + ".adapter.(*)..";
  }

  /** One slice per domain sub-package (room, message, ...). */
  public String domainSlices() {
    return root + ".domain.(*)..";
  }

  /**
   * One slice per application package. Every package is its own slice (not {@code (*)..}) so that
   * {@code port.in} and {@code port.out}, which share the parent {@code port}, are told apart.
   */
  public String applicationSlices() {
    return root + ".application.(**)";
  }

  /** One slice per top-level area: domain, application, testkit, adapter, bus, protocol, sample. */
  public String topLevelSlices() {
    return root + ".(*)..";
  }
}
