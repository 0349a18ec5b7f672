/**
 * The Lambda runtime's cold start and warm invoke (results in {@code docs/benchmarks.md}, section
 * "Lambda runtime: cold start and warm invoke").
 *
 * <ul>
 *   <li>{@link dev.parley.benchmarks.coldstart.ColdStartDriver}: fresh JVMs, alternating a
 *       hello-world baseline with the handlers of the in-memory, the DynamoDB (on DynamoDB Local)
 *       and the PostgreSQL deployment, each answering one REST post-message or one {@code
 *       $connect}, under several JVM configurations; then where the time goes (phases, classes per
 *       library, each subsystem alone, and what priming leaves). Run by hand.
 *   <li>The probes it starts live in {@code coldstart.probe}, packaged alone as {@code
 *       benchmarks-load-*-coldstart-probe.jar}: a probe JVM's classpath is that jar and the
 *       deployment jar, so nothing of this module (Jetty, JMH, logback) is on it.
 *   <li>{@link dev.parley.benchmarks.coldstart.LambdaWarmInvokeBenchmark}: JMH, a post-message
 *       event through the HTTP API and the WebSocket handler of a warm environment on the in-memory
 *       store.
 * </ul>
 */
package dev.parley.benchmarks.coldstart;
