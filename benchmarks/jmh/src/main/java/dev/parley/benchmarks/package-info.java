/**
 * JMH benchmarks of the chat core through its use cases, on the in-memory adapters of {@code
 * chat-testkit} ({@link dev.parley.testkit.InMemoryChat}) with the real clock.
 *
 * <ul>
 *   <li>{@link dev.parley.benchmarks.PostMessageBenchmark}: posting a 100-character message into a
 *       public room with four members and two subscribed connections, without and with a client
 *       message id.
 *   <li>{@link dev.parley.benchmarks.ListHistoryBenchmark}: reading a page of 50 from a room of
 *       10,000 messages, the latest page and a page in the middle, with 0 % and 10 % of the
 *       messages carrying a reaction.
 *   <li>{@link dev.parley.benchmarks.UseCaseOverheadBenchmark}: the pieces of those use cases alone
 *       (validation, permission policy, body check, ids, rate limit, store, delivery, reactions).
 * </ul>
 *
 * <p>Build and run everything (about 7 minutes on 2 cores; results in {@code docs/benchmarks.md}):
 *
 * <pre>{@code
 * ./mvnw -q -pl benchmarks/jmh -am package -DskipTests
 * java -jar benchmarks/jmh/target/benchmarks.jar
 * }</pre>
 *
 * <p>Run a subset with a regular expression over benchmark names, keep the results as JSON, or
 * profile (JMH options: {@code java -jar benchmarks/jmh/target/benchmarks.jar -h}):
 *
 * <pre>{@code
 * java -jar benchmarks/jmh/target/benchmarks.jar 'PostMessageBenchmark' -rf json -rff /tmp/jmh.json
 * java -jar benchmarks/jmh/target/benchmarks.jar 'ListHistoryBenchmark.latestPage' \
 *     -p reactedPercent=10
 * java -jar benchmarks/jmh/target/benchmarks.jar 'PostMessageBenchmark' -prof gc
 * }</pre>
 *
 * <p>The machine should be otherwise idle: check {@code uptime} before a run that will be quoted.
 */
package dev.parley.benchmarks;
