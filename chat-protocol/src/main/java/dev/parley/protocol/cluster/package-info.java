/**
 * What the nodes of one deployment tell each other: {@link dev.parley.protocol.cluster.ClusterBus}
 * carries {@link dev.parley.protocol.cluster.ClusterMessage}s (event frames already encoded for the
 * WebSocket, and disconnects), {@link dev.parley.protocol.cluster.ClusterEnvelope} puts them on a
 * transport's wire. A bus never sees the event family: a node only forwards bytes.
 */
package dev.parley.protocol.cluster;
