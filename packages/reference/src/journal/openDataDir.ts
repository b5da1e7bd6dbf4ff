import { type AccountConfig, Engine, type InstrumentConfig } from "@unwind/engine";
import { canonicalJson } from "./canonicalJson.js";
import { DurableJournal } from "./DurableJournal.js";
import { FileJournal } from "./FileJournal.js";
import { JournalSwitch } from "./JournalSwitch.js";
import { type Recovery, recoverDataDir } from "./recoverDataDir.js";
import type { SnapshotRecord } from "./snapshotFile.js";

/** Options of {@link openDataDir}. */
export interface OpenDataDirOptions {
  readonly dir: string;
  readonly accounts: readonly AccountConfig[];
  readonly instruments?: readonly InstrumentConfig[];
  readonly orderIdStart?: string;
  /** Default 10,000; 0 never. */
  readonly snapshotEvery?: number;
  readonly log: (line: string) => void;
  /** A journal write failed: the server must stop answering. */
  readonly onFailure?: (error: unknown) => void;
  /** Reads each new snapshot back before it replaces the current one (tests make it fail). */
  readonly snapshotReadBack?: (path: string) => Promise<SnapshotRecord>;
}

/** A recovered engine journaling into its data dir. */
export interface OpenedDataDir {
  readonly engine: Engine;
  readonly journal: DurableJournal;
  readonly file: FileJournal;
  readonly recovery: Recovery;
}

/**
 * Recovers a data dir (snapshot + journal) into an engine whose later commands are journaled
 * there. A data dir keeps the instruments and accounts it was created with: when the files given
 * now differ, the stored ones win and a line says so.
 */
export async function openDataDir(options: OpenDataDirOptions): Promise<OpenedDataDir> {
  const { dir, log } = options;
  const sink = new JournalSwitch();
  const recovery = await recoverDataDir({
    dir,
    log,
    create: () =>
      new Engine({
        accounts: options.accounts,
        ...(options.instruments === undefined ? {} : { instruments: options.instruments }),
        ...(options.orderIdStart === undefined ? {} : { orderIdStart: options.orderIdStart }),
        events: false,
        journal: sink,
      }),
    restore: (snapshot) => Engine.fromSnapshot(snapshot, { events: false, journal: sink }),
  });
  const { engine } = recovery;
  const stored = engine.accounts.list().map((a) => a.config);
  const given = [...options.accounts].sort((a, b) => a.id - b.id);
  if (canonicalJson(stored) !== canonicalJson(given)) {
    log(
      `data dir ${dir} was created with other accounts (ids ${stored.map((a) => a.id).join(", ")}); it keeps them. API keys come from the accounts file; start on an empty data dir to change accounts`,
    );
  }
  if (
    options.instruments !== undefined &&
    canonicalJson(engine.instruments.map((i) => i.config)) !== canonicalJson(options.instruments)
  ) {
    log(`data dir ${dir} was created with other instruments; it keeps them`);
  }
  const file = new FileJournal({
    dir,
    path: recovery.segment,
    ...(options.onFailure === undefined ? {} : { onFailure: options.onFailure }),
  });
  const journal = new DurableJournal({
    dir,
    file,
    seq: recovery.seq,
    snapshotSeq: recovery.snapshotSeq,
    snapshotEvery: options.snapshotEvery ?? 10_000,
    log,
    ...(options.snapshotReadBack === undefined ? {} : { readBack: options.snapshotReadBack }),
  });
  journal.attach(engine);
  sink.target = journal;
  return { engine, journal, file, recovery };
}
