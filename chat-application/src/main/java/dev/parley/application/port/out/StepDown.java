package dev.parley.application.port.out;

/** What a write of {@link OwnerStepDownPort} did. */
public sealed interface StepDown permits StepDown.Applied, StepDown.LastOwner {
  /** The write happened; any owner it took away left another one behind. */
  record Applied() implements StepDown {}

  /** Nothing was written: it would have taken away the room's last owner. */
  record LastOwner() implements StepDown {}
}
