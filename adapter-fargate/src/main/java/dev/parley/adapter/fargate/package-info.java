/**
 * The container runtime of Parley: {@link dev.parley.adapter.fargate.ChatServer}, an embedded Jetty
 * 12 on virtual threads serving {@code chat-protocol}'s REST routes and WebSocket endpoint, with
 * health checks and a graceful shutdown for ECS on Fargate; and {@link
 * dev.parley.adapter.fargate.JettyWebSocketDeliveryAdapter}, which pushes events to the WebSocket
 * sessions of this node, and to the other nodes' through a cluster bus when one is bound. Wire both
 * with {@link dev.parley.adapter.fargate.FargateModule}.
 */
package dev.parley.adapter.fargate;
