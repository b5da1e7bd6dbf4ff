/** A connection whose published frames wait for the end of the event-loop turn. */
export interface BatchedConnection {
  /** The frames published to it since its last write (emptied: the connection writes them now or never). */
  takeFrames(): Buffer[];
  /** Writes frames already joined into one buffer (nothing once the connection is closing). */
  writeJoined(data: Buffer): void;
}

/** Whether two frame lists hold the same buffers in the same order. */
function sameFrames(a: readonly Buffer[], b: readonly Buffer[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Writes the notification frames published in one tick (a read chunk of requests, or one
 * journal flush's continuations) with one `write` per connection, in a `process.nextTick`.
 * Subscribers of the same channels get the same frames (each built once by `textFrame`), so the
 * joined buffer is made once and written to each of them: a tick costs one concatenation per
 * distinct frame list and one write per connection, not a write per frame and connection.
 * The spec's ordering (a call's notifications are sent on every subscribed connection before
 * its response) holds: a connection that answers writes its own frames before the answer, and
 * `WsSession` flushes the batcher before the corked answers of a tick leave.
 */
export class FrameBatcher {
  #queue: BatchedConnection[] = [];
  #scheduled = false;

  /** Writes `connection`'s frames at the end of this turn (call once per turn, on its first frame). */
  schedule(connection: BatchedConnection): void {
    this.#queue.push(connection);
    if (this.#scheduled) return;
    this.#scheduled = true;
    process.nextTick(this.flush);
  }

  /** Writes every queued connection's frames now (nothing when none is queued). */
  readonly flush = (): void => {
    if (this.#queue.length === 0) return;
    this.#scheduled = false;
    const queue = this.#queue;
    this.#queue = [];
    let lastFrames: Buffer[] | undefined;
    let lastJoined: Buffer | undefined;
    for (const connection of queue) {
      const frames = connection.takeFrames();
      if (frames.length === 0) continue;
      if (frames.length === 1) {
        connection.writeJoined(frames[0]!);
        continue;
      }
      if (lastFrames === undefined || !sameFrames(frames, lastFrames)) {
        lastFrames = frames;
        lastJoined = Buffer.concat(frames);
      }
      connection.writeJoined(lastJoined!);
    }
  };
}

/** The process's batcher: one `setImmediate` per turn whatever the number of servers and connections. */
export const frameBatcher = new FrameBatcher();
