/**
 * Load drivers for the Fargate runtime, run by hand (results in {@code docs/benchmarks.md}, section
 * "Fargate runtime: load"). The server and the drivers run in separate JVMs, so that the clients'
 * threads, allocations and GC pauses are not the server's:
 *
 * <ul>
 *   <li>{@link dev.parley.benchmarks.load.LoadServer}: the Parley chat server (the {@code
 *       adapter-fargate} Jetty server on the in-memory store, wired by Dagger in {@code
 *       LoadServerComponent}) and a bare Jetty handler returning a fixed small JSON body (the
 *       ceiling), both on 127.0.0.1.
 *   <li>{@link dev.parley.benchmarks.load.RestLoadDriver}: post-message throughput and latency at
 *       64 concurrent keep-alive clients, alternating with the ceiling in the same run.
 *   <li>{@link dev.parley.benchmarks.load.WebSocketFanOutDriver}: post-to-delivery latency to 1,000
 *       WebSockets subscribed to one room, at 20 posts per second.
 * </ul>
 *
 * <p>Tokens are HS256 JWTs signed with a secret both sides compile in, verified on every request;
 * per-user rate limits are raised out of the way ({@code ChatSettings.withoutUserLimits()}). Every
 * loop is bounded in time and count; the drivers stop by themselves, the server after {@code
 * --max-seconds} or on SIGTERM.
 */
package dev.parley.benchmarks.load;
