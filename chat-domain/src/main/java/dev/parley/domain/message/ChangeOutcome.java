package dev.parley.domain.message;

/** The result of applying a {@link MessageChange}. */
public sealed interface ChangeOutcome permits ChangeOutcome.Applied, ChangeOutcome.Rejected {

  /** Why a change could not apply. */
  enum Reason {
    /** A deleted message is a tombstone and changes no more. */
    DELETED
  }

  record Applied(Message message) implements ChangeOutcome {}

  record Rejected(Reason reason) implements ChangeOutcome {}
}
