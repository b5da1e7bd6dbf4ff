import { type FileHandle, open } from "node:fs/promises";
import type { Command } from "@unwind/engine";
import { encodeRecord } from "./frame.js";
import type { Journal } from "./Journal.js";
import { syncDirectory } from "./syncDirectory.js";

interface Segment {
  readonly path: string;
  handle: FileHandle | undefined;
  pending: Buffer[];
}

interface Batch {
  readonly promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function batch(): Batch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A batch nobody awaited must not become an unhandled rejection; the failure hook reports it.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/** Options of {@link FileJournal}. */
export interface FileJournalOptions {
  /** The data directory (segment files are created in it). */
  readonly dir: string;
  /** The segment appended to first (created when it does not exist). */
  readonly path: string;
  /** Called once when a write or fsync fails: nothing appended after can become durable. */
  readonly onFailure?: (error: unknown) => void;
}

/**
 * An append-only journal of length+CRC-framed JSON commands with group commit: every command
 * appended while a write is being prepared or is in flight joins the next batch, and a batch is one
 * write and one fdatasync, after which all of its `flush` promises resolve. `rotate` starts a new
 * segment file; a segment's records are durable before the next segment is created, so a torn
 * tail can only be in the last segment.
 */
export class FileJournal implements Journal {
  readonly #dir: string;
  readonly #onFailure: ((error: unknown) => void) | undefined;
  readonly #segments: Segment[];
  /** Collects the appends of the next batch. */
  #next: Batch | undefined;
  /** The batch being written. */
  #writing: Batch | undefined;
  #scheduled = false;
  #failed: unknown;
  #closed = false;
  /** Batches written and records appended (for benches and tests). */
  batches = 0;
  appended = 0;

  constructor(options: FileJournalOptions) {
    this.#dir = options.dir;
    this.#onFailure = options.onFailure;
    this.#segments = [{ path: options.path, handle: undefined, pending: [] }];
  }

  append(command: Command): void {
    if (this.#closed) throw new Error("could not append to the journal: it is closed");
    this.#segments[this.#segments.length - 1]!.pending.push(encodeRecord(JSON.stringify(command)));
    this.appended++;
    this.#next ??= batch();
    this.#schedule();
  }

  flush(): Promise<void> | undefined {
    if (this.#failed !== undefined) return Promise.reject(this.#failed);
    return this.#next?.promise ?? this.#writing?.promise;
  }

  /** Appends after this go to a new segment file at `path`. */
  rotate(path: string): void {
    this.#segments.push({ path, handle: undefined, pending: [] });
    this.#next ??= batch();
    this.#schedule();
  }

  async close(): Promise<void> {
    this.#closed = true;
    try {
      await this.flush();
    } finally {
      for (const s of this.#segments) await s.handle?.close();
      this.#segments.length = 0;
    }
  }

  #schedule(): void {
    if (this.#scheduled || this.#writing !== undefined || this.#failed !== undefined) return;
    this.#scheduled = true;
    // setImmediate runs after the I/O callbacks of this loop turn: requests that arrived together
    // are applied first and share the write.
    setImmediate(this.#run);
  }

  readonly #run = (): void => {
    this.#scheduled = false;
    const current = this.#next;
    if (current === undefined) return;
    this.#next = undefined;
    this.#writing = current;
    this.#write().then(
      () => {
        this.batches++;
        this.#writing = undefined;
        current.resolve();
        if (this.#next !== undefined) this.#run();
      },
      (error: unknown) => {
        this.#failed = error;
        this.#writing = undefined;
        current.reject(error);
        this.#next?.reject(error);
        this.#next = undefined;
        this.#onFailure?.(error);
      },
    );
  };

  /** Writes each segment's pending records in order; every segment but the last is then closed. */
  async #write(): Promise<void> {
    while (this.#segments.length > 0) {
      const segment = this.#segments[0]!;
      const last = this.#segments.length === 1;
      if (segment.pending.length > 0) {
        if (segment.handle === undefined) {
          segment.handle = await open(segment.path, "a");
          await syncDirectory(this.#dir);
        }
        const bytes =
          segment.pending.length === 1 ? segment.pending[0]! : Buffer.concat(segment.pending);
        segment.pending = [];
        let written = 0;
        while (written < bytes.length) {
          written += (await segment.handle.write(bytes, written)).bytesWritten;
        }
        await segment.handle.datasync();
      }
      if (last) return;
      await segment.handle?.close();
      this.#segments.shift();
    }
  }
}
