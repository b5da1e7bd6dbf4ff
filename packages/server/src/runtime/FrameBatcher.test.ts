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
  /** Calls of `writeAll` (one system call each in a real connection). */
  writevs = 0;
  constructor(
    readonly lingerMs = 0,
    readonly maxHeldBytes?: number,
  ) {}
  writeJoined(data: Buffer): void {
    this.written.push(data);
  }
  writeAll(data: readonly Buffer[]): void {
    this.writevs++;
    this.written.push(Buffer.concat(data));
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

/** The end of an event-loop iteration (`setImmediate`). */
const tick = () => new Promise((resolve) => setImmediate(resolve));
/** The end of a turn on an idle server: the iteration of its frames, then one that logs nothing. */
const endOfTurn = async () => {
  await tick();
  await tick();
};

test("a turn's frames wait for the turn's answers: still logged after process.nextTick, written once an iteration logs nothing more", async () => {
  // A clock that stands still: however slow this machine, the turn does not reach maxTurnMs.
  const batcher = new FrameBatcher({ now: () => 0 });
  const subscriber = new Recorder();
  const book = new Group("book");
  book.join(subscriber);
  batcher.broadcast(book, textFrame('{"book":1}'));
  // An answering connection uncorks its answers in a process.nextTick: they leave before this.
  await new Promise((resolve) => process.nextTick(resolve));
  expect(subscriber.written).toEqual([]);
  expect(batcher.pending).toBe(1);
  await tick();
  // The iteration of the frame ended: the turn waits one more, which finds nothing new.
  expect(subscriber.written).toEqual([]);
  await tick();
  expect(subscriber.written).toHaveLength(1);
  expect(batcher.pending).toBe(0);
});

test("a busy server's turn goes on while each iteration logs frames: one write per connection for all of them", async () => {
  const batcher = new FrameBatcher({ now: () => 0 });
  const subscriber = new Recorder();
  const book = new Group("book");
  book.join(subscriber);
  const frames = [1, 2, 3, 4].map((n) => textFrame(`{"book":${n}}`));
  for (const frame of frames) {
    batcher.broadcast(book, frame);
    await tick();
  }
  expect(subscriber.written).toEqual([]);
  await tick();
  expect(subscriber.written).toEqual([Buffer.concat(frames)]);
});

test("a turn ends after maxTurnMs, or once its log holds maxHeldBytes, however busy the server", async () => {
  let clock = 0;
  const batcher = new FrameBatcher({ now: () => clock, maxTurnMs: 5, maxHeldBytes: 1000 });
  const subscriber = new Recorder();
  const book = new Group("book");
  book.join(subscriber);
  const f1 = textFrame('{"book":1}');
  const f2 = textFrame('{"book":2}');
  batcher.broadcast(book, f1);
  await tick();
  clock = 5;
  batcher.broadcast(book, f2);
  await tick();
  expect(subscriber.written).toEqual([Buffer.concat([f1, f2])]);
  // The log's bytes: a 1,000-byte frame ends its turn at the end of its iteration.
  const big = textFrame("x".repeat(1000));
  batcher.broadcast(book, big);
  await tick();
  expect(subscriber.written).toEqual([Buffer.concat([f1, f2]), big]);
});

test("maxTurnMs 0: a turn is one event-loop iteration", async () => {
  const batcher = new FrameBatcher({ maxTurnMs: 0 });
  const subscriber = new Recorder();
  const book = new Group("book");
  book.join(subscriber);
  const f1 = textFrame('{"book":1}');
  batcher.broadcast(book, f1);
  await tick();
  expect(subscriber.written).toEqual([f1]);
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
  await endOfTurn();
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
  await endOfTurn();
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
  await endOfTurn();
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
  await endOfTurn();
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
  await endOfTurn();
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
  await endOfTurn();
  expect(all.bytes).toEqual(Buffer.concat(frames));
  expect(odd.bytes).toEqual(Buffer.concat(frames.filter((_, i) => i % 2 === 1)));
});

test("linger: an idle connection writes at the end of the turn; within its linger, turns are held and leave in one writev", async () => {
  let clock = 100;
  const batcher = new FrameBatcher({ now: () => clock });
  const subscriber = new Recorder(2);
  const book = new Group("book");
  book.join(subscriber);
  const frames = [1, 2, 3, 4].map((n) => textFrame(`{"book":${n}}`));
  batcher.broadcast(book, frames[0]!);
  batcher.flush();
  expect(subscriber.written).toEqual([frames[0]]); // idle: at once
  clock += 0.5;
  batcher.broadcast(book, frames[1]!);
  batcher.flush();
  clock += 0.5;
  batcher.broadcast(book, frames[2]!);
  batcher.flush();
  expect(subscriber.written).toHaveLength(1); // held: written 1 ms ago
  expect(batcher.held).toBe(frames[1]!.length + frames[2]!.length);
  // The linger's timer (real time, 1-2 ms) writes both with one writev.
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(subscriber.written).toEqual([frames[0], Buffer.concat([frames[1]!, frames[2]!])]);
  expect(subscriber.writevs).toBe(1);
  expect(batcher.held).toBe(0);
  // 2 ms after that write, the next turn writes at once again.
  clock += 2;
  batcher.broadcast(book, frames[3]!);
  batcher.flush();
  expect(subscriber.written.at(-1)).toEqual(frames[3]);
});

test("linger: a connection holding maxHeldBytes writes at once; one that answers takes what it holds first", () => {
  let clock = 0;
  const batcher = new FrameBatcher({ now: () => clock, maxHeldBytes: 40 });
  const a = new Recorder(1000);
  const b = new Recorder(1000);
  const book = new Group("book");
  book.join(a);
  book.join(b);
  const big = textFrame(`{"pad":"${"x".repeat(20)}"}`); // 34 bytes
  batcher.broadcast(book, big);
  batcher.flush(); // idle: written, and the linger starts
  clock += 1;
  batcher.broadcast(book, big);
  batcher.flush();
  expect(a.written).toHaveLength(1); // 34 held, under 40
  batcher.broadcast(book, big);
  batcher.flush();
  expect(a.written).toEqual([big, Buffer.concat([big, big])]); // 68 held: out at once
  batcher.broadcast(book, big);
  batcher.flush();
  // b answers: what it holds, then this turn's frame, before the answer.
  const small = textFrame('{"book":"now"}');
  batcher.broadcast(book, small);
  expect(batcher.take(b)).toEqual([big, small]);
  expect(a.written).toHaveLength(2);
  batcher.flushHeld();
  expect(Buffer.concat(a.written)).toEqual(Buffer.concat([big, big, big, big]));
});

test("linger: a connection's own maxHeldBytes overrides the batcher's, larger or smaller", () => {
  let clock = 0;
  const batcher = new FrameBatcher({ now: () => clock, maxHeldBytes: 40 });
  const usual = new Recorder(1000);
  const large = new Recorder(1000, 150);
  const small = new Recorder(1000, 20);
  const book = new Group("book");
  for (const c of [usual, large, small]) book.join(c);
  const big = textFrame(`{"pad":"${"x".repeat(18)}"}`);
  const n = big.length; // 32 bytes
  batcher.broadcast(book, big);
  batcher.flush(); // idle: written, and the linger starts
  for (let turn = 1; turn <= 5; turn++) {
    clock += 1;
    batcher.broadcast(book, big);
    batcher.flush();
  }
  // 5 turns held: the batcher's 40 B lets 2 out at a time, 150 B holds 5 (160 B), 20 B none.
  expect(usual.written.map((b) => b.length)).toEqual([n, 2 * n, 2 * n]);
  expect(large.written.map((b) => b.length)).toEqual([n, 5 * n]);
  expect(small.written.map((b) => b.length)).toEqual([n, n, n, n, n, n]);
  batcher.flushHeld();
  expect(usual.bytes.length).toBe(6 * n);
});

test("linger: the timer fires at the earliest deadline of the holding connections", async () => {
  let clock = 0;
  const batcher = new FrameBatcher({ now: () => clock });
  const [x, y] = [new Recorder(1000), new Recorder(1000)];
  const [gx, gy] = [new Group("x"), new Group("y")];
  gx.join(x);
  gy.join(y);
  batcher.broadcast(gy, textFrame("y0"));
  batcher.flush(); // y written at 0
  clock = 985;
  batcher.broadcast(gx, textFrame("x0"));
  batcher.flush(); // x written at 985
  clock = 986;
  batcher.broadcast(gx, textFrame("x1")); // x first: its deadline is 1985
  batcher.broadcast(gy, textFrame("y1")); // y's is 1000, 14 ms from now
  batcher.flush();
  expect(batcher.held).toBeGreaterThan(0);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(y.bytes).toEqual(Buffer.concat([textFrame("y0"), textFrame("y1")]));
  expect(batcher.held).toBe(0);
});

test("property: each connection gets exactly the frames a per-connection queue would, in order", async () => {
  type Op =
    | { op: "broadcast"; group: number }
    | { op: "sendTo"; connection: number }
    | { op: "join" | "leave" | "take"; connection: number; group: number }
    | { op: "flush" }
    | { op: "wait"; ms: number }
    | { op: "flushHeld" };
  const op: fc.Arbitrary<Op> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({ op: fc.constant("broadcast" as const), group: fc.nat(3) }),
    },
    fc.record({ op: fc.constant("sendTo" as const), connection: fc.nat(4) }),
    {
      weight: 3,
      arbitrary: fc.record({
        op: fc.constantFrom("join" as const, "leave" as const, "take" as const),
        connection: fc.nat(4),
        group: fc.nat(3),
      }),
    },
    { weight: 3, arbitrary: fc.record({ op: fc.constant("flush" as const) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("wait" as const), ms: fc.nat(3) }) },
    fc.record({ op: fc.constant("flushHeld" as const) }),
  );
  fc.assert(
    fc.property(
      fc.array(op, { minLength: 20, maxLength: 80 }),
      fc.constantFrom(0, 16, 1_000_000),
      (ops, maxHeldBytes) => {
        // Connections 0-1 write every turn, 2-4 linger 2 ms on a clock the ops move.
        let clock = 0;
        const batcher = new FrameBatcher({ now: () => clock, maxHeldBytes });
        const connections = Array.from({ length: 5 }, (_, i) => new Recorder(i < 2 ? 0 : 2));
        const groups = Array.from({ length: 4 }, (_, i) => new Group(`g${i}`));
        const expected = connections.map(() => [] as Buffer[]);
        // Everyone starts in group 0 (a book channel): its broadcasts reach every connection.
        for (const c of connections) groups[0]!.join(c);
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
          } else if (o.op === "wait") clock += o.ms;
          else if (o.op === "flushHeld") batcher.flushHeld();
          else batcher.flush();
        }
        batcher.flush();
        batcher.flushHeld();
        expect(batcher.held).toBe(0);
        connections.forEach((c, i) => {
          expect(c.bytes).toEqual(Buffer.concat(expected[i]!));
        });
      },
    ),
    { numRuns: 1000 },
  );
});
