import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "@unwind/engine";
import { describe, expect, test, vi } from "vitest";
import { FileJournal } from "./FileJournal.js";
import { scanRecords } from "./scanRecords.js";

const cancel = (n: number): Command => ({
  type: "cancel",
  account: 1,
  orderId: String(n),
  timestamp: 1_700_000_000_000 + n,
});

function dir(): string {
  return mkdtempSync(join(tmpdir(), "unwind-journal-"));
}

function read(path: string): Command[] {
  return scanRecords(readFileSync(path)).payloads.map((p) => JSON.parse(p.toString()));
}

describe("FileJournal", () => {
  test("commands appended in one tick share one write and one fsync", async () => {
    const d = dir();
    const journal = new FileJournal({ dir: d, path: join(d, "j.log") });
    for (let i = 0; i < 100; i++) journal.append(cancel(i));
    const flushes = Array.from({ length: 100 }, () => journal.flush());
    expect(new Set(flushes).size).toBe(1);
    await flushes[0];
    expect(journal.batches).toBe(1);
    expect(read(join(d, "j.log"))).toHaveLength(100);
    expect(journal.flush()).toBeUndefined();
    await journal.close();
  });

  test("appends made while a batch is being written form the next batch", async () => {
    const d = dir();
    const journal = new FileJournal({ dir: d, path: join(d, "j.log") });
    journal.append(cancel(1));
    const first = journal.flush()!;
    await new Promise((r) => setImmediate(r));
    journal.append(cancel(2));
    journal.append(cancel(3));
    const second = journal.flush()!;
    expect(second).not.toBe(first);
    await second;
    expect(journal.batches).toBe(2);
    expect(read(join(d, "j.log")).map((c) => (c as { orderId: string }).orderId)).toEqual([
      "1",
      "2",
      "3",
    ]);
    await journal.close();
  });

  test("rotate sends later appends to a new segment", async () => {
    const d = dir();
    const journal = new FileJournal({ dir: d, path: join(d, "a.log") });
    journal.append(cancel(1));
    journal.rotate(join(d, "b.log"));
    journal.append(cancel(2));
    await journal.flush();
    expect(read(join(d, "a.log"))).toEqual([cancel(1)]);
    expect(read(join(d, "b.log"))).toEqual([cancel(2)]);
    await journal.close();
  });

  test("a failed write rejects every pending flush and reports once", async () => {
    const onFailure = vi.fn();
    const journal = new FileJournal({
      dir: "/nonexistent",
      path: "/nonexistent/unwind/j.log",
      onFailure,
    });
    journal.append(cancel(1));
    await expect(journal.flush()).rejects.toThrow(/ENOENT/);
    await expect(journal.flush()).rejects.toThrow(/ENOENT/);
    expect(onFailure).toHaveBeenCalledTimes(1);
  });
});
