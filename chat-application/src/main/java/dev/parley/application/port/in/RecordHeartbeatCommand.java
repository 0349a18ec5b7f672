package dev.parley.application.port.in;

import dev.parley.application.validation.Id;
import dev.parley.domain.user.UserId;
import jakarta.validation.constraints.NotNull;

/**
 * A sign of life.
 *
 * @param active whether the user did something (rather than the client pinging on a timer)
 */
public record RecordHeartbeatCommand(
    @NotNull UserId actor, @NotNull @Id String connectionId, boolean active) {}
