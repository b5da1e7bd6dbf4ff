/** What `FrameBatcher` keeps per connection for the current turn (valid while `epoch` is the batcher's). */
export class BatchState {
  /** The batcher's turn this state belongs to. */
  epoch = -1;
  /** Log index from which the connection's frames are not decided yet. */
  cursor = 0;
  /** The turn's groups the connection is in, one bit each. */
  mask = 0;
  /** Its frames are picked from the log one by one (sent to alone, settled or taken this turn). */
  individual = false;
  /** Frames decided for it and not written yet. */
  held: Buffer[] = [];
  // Kept across turns (not reset with `epoch`): the linger.
  /** Frames of earlier turns held to leave with later ones, in order. */
  outbox: Buffer[] = [];
  /** Their bytes. */
  outboxBytes = 0;
  /** When (the batcher's clock, ms) the batcher last wrote to the connection or it took its frames. */
  lastWriteAt = Number.NEGATIVE_INFINITY;
  /** In the batcher's list of holding connections. */
  holding = false;
}
