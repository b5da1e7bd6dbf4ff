import fc from "fast-check";
import { expect, test } from "vitest";
import { BatchState } from "./BatchState.js";
import type { BroadcastGroup } from "./BroadcastGroup.js";
import { textFrame } from "./ChannelHub.js";
import { type BatchedConnection, FrameBatcher } from "./FrameBatcher.js";

/** A connection that records what the batcher writes to it. */
class Recorder implements BatchedConnection {
  readonly batch = new BatchState();
  readonly subscriptions = new Map<string, unknown>();
  readonly written: Buffer[] = [];
  writeJoined(data: Buffer): void {
    this.written.push(data);
  }
  /** Everything written, as one buffer. */
  get bytes(): Buffer {
    return Buffer.concat(this.written);
  }
}

/** A group whose members are a set; `members()` calls are counted. */
class Group implements BroadcastGroup {
  readonly set = new Set<BatchedConnection>();
  walked = 0;
  constructor(readonly name: string) {}
  members(): readonly BatchedConnection[] {
    this.walked++;
    return [...this.set];
  }
  has(connection: BatchedConnection): boolean {
    return this.set.has(connection);
  }
  join(connection: Recorder): void {
    this.set.add(connection);
    connection.subscriptions.set(this.name, undefined);
  }
  leave(connection: Recorder): void {
    this.set.delete(connection);
    connection.subscriptions.delete(this.name);
  }
}

/** The end of the event-loop iteration, when the batcher writes (`setImmediate`). */
const tick = () => new Promise((resolve) => setImmediate(resolve));

test("a turn's frames wait for the turn's answers: still logged after process.nextTick, written by setImmediate", async () => {
  const batcher = new FrameBatcher();
  const subscriber = new Recorder();
  const book = new Group("book");
  book.join(subscriber);
  batcher.broadcast(book, textFrame('{"book":1}'));
  // An answering connection uncorks its answers in a process.nextTick: they leave before this.
  await new Promise((resolve) => process.nextTick(resolve));
  expect(subscriber.written).toEqual([]);
  expect(batcher.pending).toBe(1);
  await tick();
  expect(subscriber.written).toHaveLength(1);
  expect(batcher.pending).toBe(0);
});

test("a turn's frames leave in one write per connection, joined once for connections in the same groups", async () => {
  const batcher = new FrameBatcher();
  const [a, b, c] = [new Recorder(), new Recorder(), new Recorder()];
  const book = new Group("book");
  const trades = new Group("trades");
  for (const r of [a, b, c]) book.join(r);
  trades.join(a);
  trades.join(b);
  const f1 = textFrame('{"book":1}');
  const f2 = textFrame('{"trades":1}');
  const f3 = textFrame('{"book":2}');
  batcher.broadcast(book, f1);
  batcher.broadcast(trades, f2);
  batcher.broadcast(book, f3);
  expect(batcher.pending).toBe(3);
  await tick();
  expect(a.written).toEqual([Buffer.concat([f1, f2, f3])]);
  expect(b.written[0]).toBe(a.written[0]); // the same buffer: joined once
  expect(c.written).toEqual([Buffer.concat([f1, f3])]);
  expect(batcher.pending).toBe(0);
});

test("a broadcast walks no member when it is published, and each group once per turn", async () => {
  const batcher = new FrameBatcher();
  const group = new Group("book");
  const members = Array.from({ length: 1000 }, () => new Recorder());
  for (const r of members) group.join(r);
  for (let i = 0; i < 50; i++) batcher.broadcast(group, textFrame(`{"n":${i}}`));
  expect(group.walked).toBe(0);
  await tick();
  expect(group.walked).toBe(1);
  expect(
    members.every((r) => r.written.length === 1 && r.written[0] === members[0]!.written[0]),
  ).toBe(true);
});

test("a frame sent to one connection keeps its place among the broadcasts", async () => {
  const batcher = new FrameBatcher();
  const [a, b] = [new Recorder(), new Recorder()];
  const book = new Group("book");
  book.join(a);
  book.join(b);
  const [f1, own, f2] = ["1", "own", "2"].map((t) => textFrame(t));
  batcher.broadcast(book, f1!);
  batcher.sendTo(a, own!);
  batcher.broadcast(book, f2!);
  await tick();
  expect(a.bytes).toEqual(Buffer.concat([f1!, own!, f2!]));
  expect(b.bytes).toEqual(Buffer.concat([f1!, f2!]));
});

test("joining or leaving within a turn: the frames before the change follow the old membership", async () => {
  const batcher = new FrameBatcher();
  const [stays, joins, leaves] = [new Recorder(), new Recorder(), new Recorder()];
  const book = new Group("book");
  book.join(stays);
  book.join(leaves);
  const [before, after] = [textFrame("before"), textFrame("after")];
  batcher.broadcast(book, before);
  batcher.settle(joins);
  book.join(joins);
  batcher.settle(leaves);
  book.leave(leaves);
  batcher.broadcast(book, after);
  await tick();
  expect(stays.bytes).toEqual(Buffer.concat([before, after]));
  expect(joins.bytes).toEqual(after);
  expect(leaves.bytes).toEqual(before);
});

test("take: a connection that answers writes its frames itself; the rest of the turn comes at its end", async () => {
  const batcher = new FrameBatcher();
  const [a, idle] = [new Recorder(), new Recorder()];
  const book = new Group("book");
  book.join(a);
  const [f1, f2] = [textFrame("1"), textFrame("2")];
  batcher.broadcast(book, f1);
  expect(batcher.take(a)).toEqual([f1]);
  expect(batcher.take(a)).toEqual([]);
  expect(batcher.take(idle)).toEqual([]); // in no group: nothing to look at
  batcher.broadcast(book, f2);
  await tick();
  expect(a.written).toEqual([f2]);
  expect(idle.written).toEqual([]);
});

test("more groups than a mask has bits: every connection still gets its frames in order", async () => {
  const batcher = new FrameBatcher();
  const groups = Array.from({ length: 40 }, (_, i) => new Group(`g${i}`));
  const all = new Recorder();
  const odd = new Recorder();
  groups.forEach((g, i) => {
    g.join(all);
    if (i % 2 === 1) g.join(odd);
  });
  const frames = groups.map((g, i) => {
    const f = textFrame(`${i}`);
    batcher.broadcast(g, f);
    return f;
  });
  await tick();
  expect(all.bytes).toEqual(Buffer.concat(frames));
  expect(odd.bytes).toEqual(Buffer.concat(frames.filter((_, i) => i % 2 === 1)));
});

test("property: each connection gets exactly the frames a per-connection queue would, in order", async () => {
  type Op =
    | { op: "broadcast"; group: number }
    | { op: "sendTo"; connection: number }
    | { op: "join" | "leave" | "take"; connection: number; group: number }
    | { op: "flush" };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ op: fc.constant("broadcast" as const), group: fc.nat(3) }),
    fc.record({ op: fc.constant("sendTo" as const), connection: fc.nat(4) }),
    fc.record({
      op: fc.constantFrom("join" as const, "leave" as const, "take" as const),
      connection: fc.nat(4),
      group: fc.nat(3),
    }),
    fc.record({ op: fc.constant("flush" as const) }),
  );
  fc.assert(
    fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
      const batcher = new FrameBatcher();
      const connections = Array.from({ length: 5 }, () => new Recorder());
      const groups = Array.from({ length: 4 }, (_, i) => new Group(`g${i}`));
      const expected = connections.map(() => [] as Buffer[]);
      let n = 0;
      for (const o of ops) {
        if (o.op === "broadcast") {
          const frame = textFrame(`${n++}`);
          batcher.broadcast(groups[o.group]!, frame);
          connections.forEach((c, i) => {
            if (groups[o.group]!.has(c)) expected[i]!.push(frame);
          });
        } else if (o.op === "sendTo") {
          const frame = textFrame(`${n++}`);
          batcher.sendTo(connections[o.connection]!, frame);
          expected[o.connection]!.push(frame);
        } else if (o.op === "join" || o.op === "leave") {
          const c = connections[o.connection]!;
          batcher.settle(c);
          groups[o.group]![o.op](c);
        } else if (o.op === "take") {
          const c = connections[o.connection]!;
          const taken = batcher.take(c);
          if (taken.length > 0) c.writeJoined(Buffer.concat(taken));
        } else batcher.flush();
      }
      batcher.flush();
      connections.forEach((c, i) => {
        expect(c.bytes).toEqual(Buffer.concat(expected[i]!));
      });
    }),
    { numRuns: 500 },
  );
});
