import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AccountConfig, Command, Engine } from "@unwind/engine";
import { describe, expect, test } from "vitest";
import { DataDirError } from "./DataDirError.js";
import { encodeRecord } from "./frame.js";
import { openDataDir } from "./openDataDir.js";
import { readSnapshotFile } from "./readSnapshotFile.js";
import { FRAME_DATA_BYTES } from "./snapshotFormat.js";

const ACCOUNTS: AccountConfig[] = [
  { id: 1, username: "one", balances: { BTC: "1000000", ETH: "1000000" } },
  { id: 2, username: "two", balances: { BTC: "1000000", ETH: "1000000" } },
];

function dataDir(): string {
  return mkdtempSync(join(tmpdir(), "unwind-snapshot-"));
}

function open(
  dir: string,
  lines: string[] = [],
  extra: Partial<Parameters<typeof openDataDir>[0]> = {},
) {
  return openDataDir({
    dir,
    accounts: ACCOUNTS,
    snapshotEvery: 0,
    log: (line) => lines.push(line),
    ...extra,
  });
}

/** `n` resting orders: bids far below the asks, so nothing trades; some with long labels. */
function rest(engine: Engine, n: number, from = 0): void {
  for (let i = from; i < from + n; i++) {
    const buy = i % 2 === 0;
    const command: Command = {
      type: buy ? "buy" : "sell",
      account: buy ? 1 : 2,
      instrument: i % 3 === 0 ? "ETH-PERPETUAL" : "BTC-PERPETUAL",
      amount: 1 + (i % 5),
      price: buy ? 10_000 + (i % 1000) : 200_000 + (i % 1000),
      orderType: "limit",
      timeInForce: "good_til_cancelled",
      postOnly: false,
      rejectPostOnly: false,
      reduceOnly: false,
      label: i % 7 === 0 ? `label-${"é".repeat(20)}-${i}` : "",
      timestamp: 1_700_000_000_000 + i,
    };
    engine.apply(command);
  }
}

function segments(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.startsWith("journal-"))
    .sort();
}

describe("snapshots", () => {
  test("a snapshot of 6,000 resting orders (over 1 MiB) round-trips through a restart", async () => {
    const dir = dataDir();
    const first = await open(dir);
    rest(first.engine, 6_000);
    await first.journal.flush();
    await first.journal.snapshot();
    rest(first.engine, 10, 6_000);
    const hash = first.engine.stateHash();
    await first.journal.close();
    expect(statSync(join(dir, "snapshot.bin")).size).toBeGreaterThan(2 * FRAME_DATA_BYTES);
    expect(segments(dir)).toEqual(["journal-0000000000006000.log"]);

    const lines: string[] = [];
    const second = await open(dir, lines);
    expect(second.engine.orders.openOrders()).toHaveLength(6_010);
    expect(second.engine.stateHash()).toBe(hash);
    expect(lines.at(-1)).toMatch(/snapshot at command 6000 \+ 10 journal records/);
    await second.journal.close();
  });

  test("the old segments and snapshot survive a new snapshot that cannot be read back", async () => {
    const dir = dataDir();
    const lines: string[] = [];
    const paths: string[] = [];
    const first = await open(dir, lines, {
      snapshotReadBack: async (path) => {
        paths.push(path);
        throw new Error("the disk returned other bytes");
      },
    });
    rest(first.engine, 100);
    await first.journal.snapshot();
    rest(first.engine, 10, 100);
    const hash = first.engine.stateHash();
    await first.journal.close();
    expect(paths).toEqual([join(dir, "snapshot.tmp")]);
    expect(lines.at(-1)).toBe(
      `could not write the snapshot at command 100: could not read back the new snapshot ${join(dir, "snapshot.tmp")} (the disk returned other bytes); it was deleted, and the current snapshot and journal stay as they are. The older journal segments are kept`,
    );
    expect(existsSync(join(dir, "snapshot.tmp"))).toBe(false);
    expect(segments(dir)).toEqual(["journal-0000000000000000.log", "journal-0000000000000100.log"]);
    expect((await readSnapshotFile(join(dir, "snapshot.bin"))).seq).toBe(0);

    const recovered: string[] = [];
    const second = await open(dir, recovered);
    expect(second.engine.stateHash()).toBe(hash);
    expect(recovered.at(-1)).toMatch(/snapshot at command 0 \+ 110 journal records from 2 segment/);
    await second.journal.close();
  });

  test("a data dir whose snapshot the old writer made (UNWSNAP1, one record over 1 MiB) restarts", async () => {
    const dir = dataDir();
    const first = await open(dir);
    rest(first.engine, 6_000);
    const hash = first.engine.stateHash();
    const json = JSON.stringify({ seq: 6_000, engine: first.engine.snapshot() });
    await first.journal.close();
    writeFileSync(
      join(dir, "snapshot.bin"),
      Buffer.concat([Buffer.from("UNWSNAP1"), encodeRecord(json)]),
    );
    for (const s of segments(dir)) writeFileSync(join(dir, s), "");
    expect(json.length).toBeGreaterThan(1 << 20);

    const second = await open(dir);
    expect(second.engine.stateHash()).toBe(hash);
    await second.journal.close();
  });

  test.each([
    [
      "a flipped bit",
      (b: Buffer) => {
        b[b.length - 100]! ^= 1;
        return b;
      },
      /fails its CRC-32/,
    ],
    ["a cut file", (b: Buffer) => b.subarray(0, b.length - 100), /is cut \(/],
    [
      "a file cut at a frame boundary",
      (b: Buffer) => b.subarray(0, 8 + 8 + b.readUInt32LE(8)),
      /it ends after 0 of its 3000 orders/,
    ],
  ])("a damaged snapshot (%s) is a DataDirError that says where", async (_, damage, reason) => {
    const dir = dataDir();
    const first = await open(dir);
    rest(first.engine, 3_000);
    await first.journal.snapshot();
    await first.journal.close();
    const path = join(dir, "snapshot.bin");
    const bytes = readFileSync(path);
    writeFileSync(path, damage(bytes));
    const failure = open(dir);
    await expect(failure).rejects.toBeInstanceOf(DataDirError);
    await expect(failure).rejects.toThrow(reason);
  });
});
