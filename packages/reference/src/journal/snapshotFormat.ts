import type { EngineSnapshot } from "@unwind/engine";
import { MAX_RECORD_BYTES } from "./frame.js";

/** A snapshot file's content: the engine state after the first `seq` commands. */
export interface SnapshotRecord {
  readonly seq: number;
  readonly engine: EngineSnapshot;
}

/**
 * The first snapshot format: the magic, then one length+CRC-framed JSON record `{seq, engine}`.
 * Still read (of any size: its writer had no limit), no longer written.
 */
export const SNAPSHOT_MAGIC_V1 = Buffer.from("UNWSNAP1");

/**
 * The current format: the magic, then frames of `u32 LE length`, `u32 LE CRC-32`, payload (at
 * most 1 MiB: a kind byte, then data). A part is one JSON text cut into frames: every frame but
 * its last has the kind {@link FRAME_CONTINUES}, the last {@link FRAME_ENDS}. The first part is
 * the header `{seq, orders: N, engine}` (the engine snapshot with an empty `orders`); the next
 * parts are JSON arrays of the N orders, in order; the file ends with the part that completes
 * them.
 */
export const SNAPSHOT_MAGIC_V2 = Buffer.from("UNWSNAP2");
export const FRAME_CONTINUES = 0x43; // "C"
export const FRAME_ENDS = 0x45; // "E"
/** Data bytes per frame: the journal's record limit minus the kind byte. */
export const FRAME_DATA_BYTES = MAX_RECORD_BYTES - 1;
/** Orders per part (about 0.8 MB of JSON): bounds each string the writer and the reader build. */
export const ORDERS_PER_PART = 2048;

/** The header part of a version 2 snapshot. */
export interface SnapshotHeader {
  readonly seq: number;
  readonly orders: number;
  readonly engine: EngineSnapshot;
}
