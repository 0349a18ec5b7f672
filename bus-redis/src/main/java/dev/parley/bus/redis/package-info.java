/**
 * The cluster bus on Redis or Valkey: {@link dev.parley.bus.redis.RedisClusterBus} carries
 * chat-protocol's cluster messages between the nodes of one deployment over pub/sub, beside any
 * store.
 */
package dev.parley.bus.redis;
