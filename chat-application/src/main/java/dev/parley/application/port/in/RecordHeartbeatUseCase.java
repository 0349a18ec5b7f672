package dev.parley.application.port.in;

import dev.parley.domain.presence.Connection;

/**
 * Keeps a connection alive, and re-registers it if it had expired while the transport kept it open.
 */
public interface RecordHeartbeatUseCase {
  Connection recordHeartbeat(RecordHeartbeatCommand command);
}
