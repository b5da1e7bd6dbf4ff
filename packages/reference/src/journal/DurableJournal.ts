import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Command, Engine } from "@unwind/engine";
import { segmentPath, segmentStart } from "./dataDirFiles.js";
import type { FileJournal } from "./FileJournal.js";
import type { Journal } from "./Journal.js";
import { type SnapshotRecord, writeSnapshot } from "./snapshotFile.js";

/** Options of {@link DurableJournal}. */
export interface DurableJournalOptions {
  readonly dir: string;
  readonly file: FileJournal;
  /** Commands so far (the number of the next one). */
  readonly seq: number;
  /** Where the current snapshot was taken. */
  readonly snapshotSeq: number;
  /** Take a snapshot every this many commands; 0 never. */
  readonly snapshotEvery: number;
  readonly log: (line: string) => void;
  /** Reads a new snapshot back before it replaces the current one (default: as recovery reads it). */
  readonly readBack?: (path: string) => Promise<SnapshotRecord>;
}

/**
 * The `--data-dir` journal: a {@link FileJournal} plus a snapshot every `snapshotEvery` commands (or,
 * once the state holds more than twice as many orders, every half as many commands as it holds
 * orders), so that
 * recovery replays a bounded number of records. A snapshot is captured between two commands,
 * the journal rotates to a segment starting there, and once the older segment is durable the
 * snapshot is written (temp file, fsync, read back, rename) and only then are the older segments
 * deleted.
 */
export class DurableJournal implements Journal {
  #engine: Engine | undefined;
  #seq: number;
  #snapshotSeq: number;
  /** A snapshot is due or being written. */
  #busy = false;
  #current: Promise<void> | undefined;
  /** Snapshots written since the start. */
  snapshots = 0;
  readonly #options: DurableJournalOptions;

  constructor(options: DurableJournalOptions) {
    this.#options = options;
    this.#seq = options.seq;
    this.#snapshotSeq = options.snapshotSeq;
  }

  /** The engine whose state is snapshotted (set once the engine exists). */
  attach(engine: Engine): void {
    this.#engine = engine;
  }

  /** Commands journaled since the data dir began. */
  get seq(): number {
    return this.#seq;
  }

  append(command: Command): void {
    this.#options.file.append(command);
    this.#seq++;
    const every = this.#options.snapshotEvery;
    const since = this.#seq - this.#snapshotSeq;
    // Never more often than every (orders held / 2) commands: a snapshot costs what the state
    // holds, so this spacing keeps snapshot work proportional to the commands (amortised O(1)
    // each), and a restart replays at most max(every, orders / 2) records on top of the snapshot.
    const orders = this.#engine?.orders.size ?? 0;
    if (every > 0 && since >= every && since * 2 >= orders && !this.#busy) {
      this.#busy = true;
      // After the current command has been applied: a microtask runs once the handler returns.
      queueMicrotask(() => {
        this.#current = this.#write();
      });
    }
  }

  flush(): Promise<void> | undefined {
    return this.#options.file.flush();
  }

  /** Takes a snapshot now (between commands) and writes it; resolves when it is on disk. */
  async snapshot(): Promise<void> {
    while (this.#current !== undefined) await this.#current;
    this.#busy = true;
    this.#current = this.#write();
    await this.#current;
  }

  async #write(): Promise<void> {
    const { dir, file, log } = this.#options;
    const at = this.#seq;
    try {
      if (this.#engine === undefined) throw new Error("no engine attached");
      // Captured between two commands; plain data from here on, encoded while commands go on.
      const engine = this.#engine.snapshot();
      file.rotate(segmentPath(dir, at));
      this.#snapshotSeq = at;
      await file.flush();
      await writeSnapshot(
        dir,
        { seq: at, engine },
        this.#options.readBack === undefined ? {} : { readBack: this.#options.readBack },
      );
      this.snapshots++;
      // Only now that the new snapshot has been read back and renamed into place.
      for (const name of await readdir(dir)) {
        const start = segmentStart(name);
        if (start !== undefined && start < at) await rm(join(dir, name), { force: true });
      }
    } catch (error) {
      log(
        `could not write the snapshot at command ${at}: ${(error as Error).message}. The older journal segments are kept`,
      );
    } finally {
      this.#busy = false;
      this.#current = undefined;
    }
  }

  async close(): Promise<void> {
    while (this.#current !== undefined) await this.#current;
    await this.#options.file.close();
  }
}
