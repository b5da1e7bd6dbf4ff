import type { BatchState } from "./BatchState.js";
import type { BroadcastGroup } from "./BroadcastGroup.js";

/** A connection whose published frames wait for the end of the event-loop turn. */
export interface BatchedConnection {
  /** The batcher's bookkeeping for this connection (read and written by the batcher only). */
  readonly batch: BatchState;
  /** The channels it is subscribed to: a connection with none is in no broadcast group. */
  readonly subscriptions: ReadonlyMap<string, unknown>;
  /**
   * How long (ms) its frames may wait after its last write to leave with later ones, while it
   * answers nothing (`ServerLimits.notificationLingerMs`); 0: at the end of every turn.
   */
  readonly lingerMs: number;
  /**
   * While it lingers, it writes what it holds once that reaches this many bytes
   * (`ServerLimits.notificationMaxHeldBytes`); undefined: the batcher's `maxHeldBytes`.
   */
  readonly maxHeldBytes?: number | undefined;
  /** Writes frames already joined into one buffer (nothing once the connection is closing). */
  writeJoined(data: Buffer): void;
  /** Writes buffers in order with one system call (nothing once the connection is closing). */
  writeAll(data: readonly Buffer[]): void;
}

/** Options of a {@link FrameBatcher} (for tests: the process's batcher uses the defaults). */
export interface FrameBatcherOptions {
  /** The clock of the linger, ms. Default: `performance.now`. */
  readonly now?: () => number;
  /**
   * A connection holding this many bytes writes them at once, lingering or not (unless it says
   * otherwise: `BatchedConnection.maxHeldBytes`); a turn whose log holds this many bytes ends.
   * Default: 64 KiB.
   */
  readonly maxHeldBytes?: number;
  /**
   * How long (ms) a turn may go on while every event-loop iteration logs more frames (a busy
   * server); 0: a turn is one iteration. Default: 5.
   */
  readonly maxTurnMs?: number;
}

const NONE: readonly Buffer[] = [];
/** Distinct groups a turn can tell apart by a bit of a connection's mask. */
const MASK_BITS = 30;

/** Appends to `out` the logged frames from `from` on that are for `connection`; returns `out`. */
function pickFrames(
  frames: readonly Buffer[],
  groups: readonly (BroadcastGroup | undefined)[],
  to: readonly (BatchedConnection | undefined)[],
  connection: BatchedConnection,
  from: number,
  out: Buffer[],
): Buffer[] {
  for (let i = from; i < frames.length; i++) {
    const group = groups[i];
    if (group === undefined ? to[i] === connection : group.has(connection)) out.push(frames[i]!);
  }
  return out;
}

/**
 * The notification frames of one turn, written with one `write` per connection in a
 * `setImmediate`, once the turn's I/O callbacks and their answers are done. A turn is the reads of
 * one event-loop iteration (chunks of requests on any number of connections, journal flushes'
 * continuations), and goes on while the server is busy: as long as each iteration logs more frames
 * (up to `maxTurnMs` and `maxHeldBytes` of log), the turn waits one more. An idle server ends a
 * turn one iteration after its frames (a poll that finds nothing); a busy one writes a
 * subscriber once per burst of requests instead of once per read, as TCP's autocorking holds a
 * segment while the previous one is still queued.
 *
 * A frame for everyone in a group (a channel's subscribers) is logged once, whatever the size of
 * the group: publishing costs the same for 1 subscriber and for 1,000. At the end of the turn a
 * connection's frames are the logged frames of its groups, in log order; connections in the same
 * groups get the same frames, joined into one buffer once and written to each of them. A frame
 * for one connection (a labelled or account-scoped notification) is logged for it alone, and the
 * connection's frames are then picked from the log one by one.
 *
 * Linger: a write costs a system call and a wake-up of the reader, whatever its size, so under
 * load a connection's frames leave together. A connection whose last write was less than its
 * `lingerMs` ago holds the turn's frames (an outbox) until that linger has passed, or until it
 * holds `maxHeldBytes`, then writes them all with one `writev`. An idle connection's frames
 * leave at the end of the turn as before; an answering connection takes what it holds before
 * its answer.
 *
 * Order: a connection gets its frames in log (publish) order. One whose membership changes within
 * the turn is settled first (`settle`: what was published before the change is decided by the old
 * membership), and a connection that answers a call takes its frames before the answer (`take`),
 * so the spec's rule (a call's notifications go out before its response on the caller's
 * connection) holds. Other connections get theirs when the turn ends, after the answers of the
 * turn (corked until a `process.nextTick`) left: an answer never waits for the writes to every
 * subscriber of a channel.
 */
export class FrameBatcher {
  /** The turn's frames, and for each its group or its one connection. */
  #frames: Buffer[] = [];
  #groups: (BroadcastGroup | undefined)[] = [];
  #to: (BatchedConnection | undefined)[] = [];
  /** Connections with a state in this turn's epoch (settled, taken or sent to alone). */
  #touched: BatchedConnection[] = [];
  #epoch = 0;
  /** An end-of-iteration check (`#endOfIteration`) is queued. */
  #waiting = false;
  /** Frames logged when the last iteration ended (0: no iteration of this turn has ended). */
  #seen = 0;
  /** Bytes of the turn's frames. */
  #logBytes = 0;
  /** When the turn's first frame was logged (the batcher's clock, ms). */
  #turnStartedAt = 0;
  /** Connections that held frames past a turn (a linger), written by `#timer` at the latest. */
  #holding: BatchedConnection[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** When `#timer` fires (the batcher's clock, ms). */
  #timerAt = 0;
  readonly #now: () => number;
  readonly #maxHeldBytes: number;
  readonly #maxTurnMs: number;

  constructor(options: FrameBatcherOptions = {}) {
    this.#now = options.now ?? (() => performance.now());
    this.#maxHeldBytes = options.maxHeldBytes ?? 64 * 1024;
    this.#maxTurnMs = options.maxTurnMs ?? 5;
  }

  /** Frames logged this turn and not yet written (for tests and diagnostics). */
  get pending(): number {
    return this.#frames.length;
  }

  /** Bytes held past their turn by lingering connections, not written yet. */
  get held(): number {
    let bytes = 0;
    for (const connection of this.#holding) bytes += connection.batch.outboxBytes;
    return bytes;
  }

  /** Sends `frame` to every connection in `group` when the turn ends (or before its next answer). */
  broadcast(group: BroadcastGroup, frame: Buffer): void {
    this.#log(frame);
    this.#groups.push(group);
    this.#to.push(undefined);
  }

  /** Sends `frame` to `connection` alone, in order with the turn's broadcasts. */
  sendTo(connection: BatchedConnection, frame: Buffer): void {
    this.#log(frame);
    this.#groups.push(undefined);
    this.#to.push(connection);
    this.#state(connection).individual = true;
  }

  /**
   * Decides the connection's frames logged so far by its membership now: call it before the
   * connection joins or leaves a group (a subscribe or unsubscribe in the middle of a turn).
   */
  settle(connection: BatchedConnection): void {
    const end = this.#frames.length;
    if (end === 0) return;
    const state = this.#state(connection);
    state.individual = true;
    if (state.cursor === end) return;
    pickFrames(this.#frames, this.#groups, this.#to, connection, state.cursor, state.held);
    state.cursor = end;
  }

  /**
   * The connection's frames so far, taken (it writes them itself, before an answer): those it
   * held from earlier turns (a linger), then this turn's.
   */
  take(connection: BatchedConnection): readonly Buffer[] {
    const turn = this.#takeTurn(connection);
    const state = connection.batch;
    if (state.outbox.length === 0) return turn;
    const outbox = this.#takeOutbox(state, this.#now());
    for (const frame of turn) outbox.push(frame);
    return outbox;
  }

  /** The connection's frames of this turn so far, taken. */
  #takeTurn(connection: BatchedConnection): readonly Buffer[] {
    if (this.#frames.length === 0) return NONE;
    const state = connection.batch;
    // In no group and sent nothing alone this turn: nothing for it (the common answering connection).
    if (state.epoch !== this.#epoch && connection.subscriptions.size === 0) return NONE;
    this.settle(connection);
    const held = state.held;
    if (held.length === 0) return NONE;
    state.held = [];
    return held;
  }

  /** What the connection holds from earlier turns, taken as written at `now` (empty: nothing). */
  #takeOutbox(state: BatchState, now: number): Buffer[] {
    const outbox = state.outbox;
    if (outbox.length === 0) return outbox;
    state.outbox = [];
    state.outboxBytes = 0;
    state.lastWriteAt = now;
    return outbox;
  }

  /** Writes every frame held past its turn now (the linger's timer; tests). */
  readonly flushHeld = (): void => {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    const holding = this.#holding;
    if (holding.length === 0) return;
    this.#holding = [];
    const now = this.#now();
    for (const connection of holding) {
      connection.batch.holding = false;
      this.#release(connection, now);
    }
  };

  /** Writes every connection's frames of the turn now (nothing when none was logged). */
  readonly flush = (): void => {
    const frames = this.#frames;
    if (frames.length === 0) return;
    this.#seen = 0;
    this.#logBytes = 0;
    const groups = this.#groups;
    const to = this.#to;
    // One bit per distinct group; a connection's mask says which of them it is in.
    const bits = new Map<BroadcastGroup, number>();
    for (const group of groups) if (group !== undefined && !bits.has(group)) bits.set(group, 0);
    const individually = bits.size > MASK_BITS;
    let bit = 1;
    for (const group of bits.keys()) {
      if (individually) {
        for (const connection of group.members()) this.#state(connection).individual = true;
        continue;
      }
      bits.set(group, bit);
      for (const connection of group.members()) this.#state(connection).mask |= bit;
      bit <<= 1;
    }
    // The turn ends here: what the writes below might publish belongs to the next one.
    const touched = this.#touched;
    this.#frames = [];
    this.#groups = [];
    this.#to = [];
    this.#touched = [];
    this.#epoch++;
    const byMask = new Map<number, Buffer>();
    const now = this.#now();
    for (const connection of touched) {
      const state = connection.batch;
      if (state.individual) {
        const out = pickFrames(frames, groups, to, connection, state.cursor, state.held);
        state.held = [];
        if (out.length > 0)
          this.#deliver(connection, out.length === 1 ? out[0]! : Buffer.concat(out), now);
        continue;
      }
      const mask = state.mask;
      if (mask === 0) continue;
      let data = byMask.get(mask);
      if (data === undefined) {
        const out: Buffer[] = [];
        for (let i = 0; i < frames.length; i++) {
          const group = groups[i];
          if (group !== undefined && (bits.get(group)! & mask) !== 0) out.push(frames[i]!);
        }
        data = out.length === 1 ? out[0]! : Buffer.concat(out);
        byMask.set(mask, data);
      }
      this.#deliver(connection, data, now);
    }
  };

  /**
   * A connection's frames of the turn: written now when it lingers not (or has not written for
   * its linger, or holds its `maxHeldBytes`), else held to leave with the next ones, at the latest
   * when its linger since its last write has passed.
   */
  #deliver(connection: BatchedConnection, data: Buffer, now: number): void {
    const state = connection.batch;
    const linger = connection.lingerMs;
    const due = linger <= 0 || now - state.lastWriteAt >= linger;
    if (due && state.outbox.length === 0) {
      state.lastWriteAt = now;
      connection.writeJoined(data);
      return;
    }
    state.outbox.push(data);
    state.outboxBytes += data.length;
    if (due || state.outboxBytes >= (connection.maxHeldBytes ?? this.#maxHeldBytes)) {
      this.#release(connection, now);
      return;
    }
    if (!state.holding) {
      state.holding = true;
      this.#holding.push(connection);
    }
    // One timer, at the earliest deadline of the holding connections: none waits past its linger.
    const deadline = state.lastWriteAt + linger;
    if (this.#timer === undefined || deadline < this.#timerAt) {
      if (this.#timer !== undefined) clearTimeout(this.#timer);
      this.#timerAt = deadline;
      this.#timer = setTimeout(this.flushHeld, Math.max(1, Math.ceil(deadline - now)));
      this.#timer.unref();
    }
  }

  /** Writes what the connection holds, in one system call. */
  #release(connection: BatchedConnection, now: number): void {
    const outbox = this.#takeOutbox(connection.batch, now);
    if (outbox.length === 0) return;
    if (outbox.length === 1) connection.writeJoined(outbox[0]!);
    else connection.writeAll(outbox);
  }

  /** Logs a frame of the turn (the first one starts the turn), and checks at the iteration's end. */
  #log(frame: Buffer): void {
    if (this.#frames.length === 0) this.#turnStartedAt = this.#now();
    this.#frames.push(frame);
    this.#logBytes += frame.length;
    if (this.#waiting) return;
    this.#waiting = true;
    setImmediate(this.#endOfIteration);
  }

  /**
   * The end of an event-loop iteration of a turn: the turn goes on for one more iteration when
   * this one logged frames (the server is busy), unless it has lasted `maxTurnMs` or its log
   * holds `maxHeldBytes`; else it ends (`flush`).
   */
  readonly #endOfIteration = (): void => {
    this.#waiting = false;
    const logged = this.#frames.length;
    if (logged === 0) return;
    if (
      logged > this.#seen &&
      this.#logBytes < this.#maxHeldBytes &&
      this.#now() - this.#turnStartedAt < this.#maxTurnMs
    ) {
      this.#seen = logged;
      this.#waiting = true;
      setImmediate(this.#endOfIteration);
      return;
    }
    this.flush();
  };

  /** The connection's state in this turn, reset on its first use in the turn. */
  #state(connection: BatchedConnection): BatchState {
    const state = connection.batch;
    if (state.epoch !== this.#epoch) {
      state.epoch = this.#epoch;
      state.cursor = 0;
      state.mask = 0;
      state.individual = false;
      if (state.held.length > 0) state.held = [];
      this.#touched.push(connection);
    }
    return state;
  }
}

/** The process's batcher: one `setImmediate` per turn whatever the number of servers and connections. */
export const frameBatcher = new FrameBatcher();
