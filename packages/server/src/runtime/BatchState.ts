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
}
