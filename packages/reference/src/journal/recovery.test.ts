import {
  appendFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Engine } from "@unwind/engine";
import { describe, expect, test } from "vitest";
import { type ReferenceServer, startReferenceServer } from "../startReferenceServer.js";
import { ALICE, BOB, basic, post } from "../testing/rpc.test-helpers.js";
import { spawnCli } from "../testing/spawnCli.test-helpers.js";
import { DataDirError } from "./DataDirError.js";
import { segmentStart } from "./dataDirFiles.js";
import { encodeRecord } from "./frame.js";
import { readJournalDir } from "./readJournalDir.js";
import { scanRecords } from "./scanRecords.js";

function dataDir(): string {
  return mkdtempSync(join(tmpdir(), "unwind-data-"));
}

async function start(dir: string, lines: string[] = [], snapshotEvery?: number) {
  return startReferenceServer({
    port: 0,
    dataDir: dir,
    log: (line) => lines.push(line),
    ...(snapshotEvery === undefined ? {} : { snapshotEvery }),
  });
}

/** Places `n` orders alternating sides, some crossing; returns their ids. */
async function trade(server: ReferenceServer, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const key = i % 2 === 0 ? ALICE : BOB;
    const res = await post(
      server.url,
      i % 2 === 0 ? "private/sell" : "private/buy",
      { instrument_name: "BTC-PERPETUAL", amount: "10", price: String(50_000 + (i % 7) * 10) },
      basic(key),
    );
    ids.push(res.result.order.order_id);
  }
  return ids;
}

function segments(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.startsWith("journal-"));
}

/** Reads the last recovery line: snapshot at S + R records, S + R = `total`, R bounded; returns S. */
function recovered(lines: string[], total: number): number {
  const match = /snapshot at command (\d+) \+ (\d+) journal records/.exec(lines.at(-1) ?? "");
  expect(match, lines.at(-1)).not.toBeNull();
  const [at, replayed] = [Number(match![1]), Number(match![2])];
  expect(at + replayed).toBe(total);
  expect(at).toBeGreaterThan(0);
  expect(replayed).toBeLessThan(total);
  return at;
}

describe("data dir recovery", () => {
  test("a restart recovers the same state from snapshot and journal", async () => {
    const dir = dataDir();
    const first = await start(dir);
    const ids = await trade(first, 12);
    const hash = first.engine.stateHash();
    await first.close();
    const lines: string[] = [];
    const second = await start(dir, lines);
    expect(second.engine.stateHash()).toBe(hash);
    expect(lines.at(-1)).toMatch(/snapshot at command 0 \+ 12 journal records from 1 segment/);
    const state = await post(
      second.url,
      "private/get_order_state",
      { order_id: ids[0] },
      basic(ALICE),
    );
    expect(state.result.order_id).toBe(ids[0]);
    await second.close();
  });

  test("snapshots bound the replay, and recovery equals a replay of everything", async () => {
    const dir = dataDir();
    const first = await start(dir, [], 5);
    await trade(first, 23);
    const hash = first.engine.stateHash();
    await first.close();
    // Every 5 commands, but never more often than every (orders / 2) commands: at 5, 10, 19 on an
    // idle machine. A snapshot still being written when the next is due moves that one later, so
    // the test reads where the last one landed instead of assuming the timing.
    const lines: string[] = [];
    const second = await start(dir, lines, 5);
    expect(second.engine.stateHash()).toBe(hash);
    const at = recovered(lines, 23);
    expect(segments(dir).every((name) => segmentStart(name)! >= at)).toBe(true);
    await trade(second, 30);
    const hash2 = second.engine.stateHash();
    await second.close();
    const third = await start(dir, lines, 5);
    expect(third.engine.stateHash()).toBe(hash2);
    const at2 = recovered(lines, 53);
    expect(at2).toBeGreaterThan(at);
    expect(segments(dir).every((name) => segmentStart(name)! >= at2)).toBe(true);
    await third.close();

    const plain = dataDir();
    const noSnapshots = await start(plain, [], 0);
    await trade(noSnapshots, 5);
    const expected = noSnapshots.engine.stateHash();
    await noSnapshots.close();
    const { snapshot, commands } = await readJournalDir(plain);
    const replay = Engine.fromSnapshot(snapshot!.engine, { events: false });
    for (const c of commands) replay.apply(c);
    expect(replay.stateHash()).toBe(expected);
  });

  test("a journal cut in the middle of its last record: reported, cut, never replayed", async () => {
    const dir = dataDir();
    const first = await start(dir, [], 0);
    const ids = await trade(first, 6);
    await first.close();
    const [segment] = segments(dir);
    const path = join(dir, segment!);
    const size = statSync(path).size;
    truncateSync(path, size - 5);
    const lines: string[] = [];
    const second = await start(dir, lines, 0);
    const report = lines.find((l) => l.includes("torn tail")) ?? "";
    const [, at, cut] = /torn tail at byte (\d+): cut (\d+) bytes/.exec(report) ?? [];
    expect(report).toContain(`journal ${path}: torn tail at byte ${at}`);
    expect(report).toContain("(an incomplete record");
    expect(report).toContain("recovered 5 records from this file");
    expect(Number(at) + Number(cut)).toBe(size - 5);
    expect(statSync(path).size).toBe(Number(at));
    const last = await post(
      second.url,
      "private/get_order_state",
      { order_id: ids[5] },
      basic(BOB),
    );
    expect(last.error?.code).toBe(10004);
    const before = await post(
      second.url,
      "private/get_order_state",
      { order_id: ids[4] },
      basic(ALICE),
    );
    expect(before.result.order_id).toBe(ids[4]);
    // The file was cut back to its last whole record, and appends go on from there.
    await trade(second, 1);
    await second.close();
    const third = await start(dir, [], 0);
    expect((await readJournalDir(dir)).commands).toHaveLength(6);
    await third.close();
  });

  test("a torn half-written record after intact ones is cut and reported with its size", async () => {
    const dir = dataDir();
    const first = await start(dir, [], 0);
    await trade(first, 3);
    const hash = first.engine.stateHash();
    await first.close();
    const path = join(dir, segments(dir)[0]!);
    const at = statSync(path).size;
    appendFileSync(path, encodeRecord('{"type":"cancel"}').subarray(0, 10));
    const lines: string[] = [];
    const second = await start(dir, lines, 0);
    expect(lines).toContain(
      `journal ${path}: torn tail at byte ${at}: cut 10 bytes (an incomplete record (2 of 17 payload bytes)); recovered 3 records from this file. The cut bytes were never acknowledged.`,
    );
    expect(second.engine.stateHash()).toBe(hash);
    expect(statSync(path).size).toBe(at);
    await second.close();
  });

  test("a damaged complete last record is refused (exit 3), naming file, byte, record and command", async () => {
    const dir = dataDir();
    const first = await start(dir, [], 0);
    await trade(first, 6);
    await first.close();
    const path = join(dir, segments(dir)[0]!);
    const bytes = readFileSync(path);
    const offset = scanRecords(bytes)
      .payloads.slice(0, 5)
      .reduce((sum, p) => sum + 8 + p.length, 0);
    // Change the first digit of the last order's price (in ticks): still JSON, but the CRC-32 fails.
    const at = bytes.indexOf('"price":', offset) + '"price":'.length;
    expect(bytes[at]).toBe("1".charCodeAt(0));
    bytes[at] = "2".charCodeAt(0);
    writeFileSync(path, bytes);
    const failure = start(dir);
    await expect(failure).rejects.toBeInstanceOf(DataDirError);
    const message = await failure.then(
      () => "",
      (error: Error) => error.message,
    );
    expect(message).toContain(
      `journal ${path}: the last record, record 5 of the file (counted from 0; command 5 of the data dir) at byte ${offset}, is complete but damaged (a CRC-32 mismatch)`,
    );
    expect(message).toContain("may have been acknowledged: refusing to start rather than drop it");
    expect(message).toMatch(/they parse as the command \{"type":"buy","account":102,/);
    expect(message).toContain(`truncate -s ${offset} ${path}`);
    // Nothing was cut: the bytes are still there for whoever decides.
    expect(readFileSync(path)).toEqual(bytes);

    const cli = spawnCli(["--port", "0", "--data-dir", dir]);
    expect((await cli.exited).code).toBe(3);
    expect(cli.stderr()).toContain(
      `record 5 of the file (counted from 0; command 5 of the data dir) at byte ${offset}`,
    );
  });

  test("a corrupt record in the middle stops the start with a DataDirError", async () => {
    const dir = dataDir();
    const first = await start(dir, [], 0);
    await trade(first, 4);
    await first.close();
    const path = join(dir, segments(dir)[0]!);
    const bytes = readFileSync(path);
    bytes[12] ^= 0x01;
    writeFileSync(path, bytes);
    const failure = start(dir);
    await expect(failure).rejects.toBeInstanceOf(DataDirError);
    await expect(failure).rejects.toThrow(
      /corrupt record at byte 0 \(a CRC-32 mismatch\), but valid records follow at byte \d+/,
    );
  });

  test("journal segments without a snapshot are refused", async () => {
    const dir = dataDir();
    writeFileSync(join(dir, "journal-0000000000000000.log"), "");
    await expect(start(dir)).rejects.toThrow(/no snapshot\.bin/);
  });
});
