import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ACCOUNTS } from "./bookTable.test.kit.js";
import type { Command } from "./Command.js";
import { Engine } from "./Engine.js";
import type { Outcome } from "./Outcome.js";
import { positionFigures } from "./wire/toWirePosition.js";

const INSTRUMENTS = ["BTC-PERPETUAL", "ETH-PERPETUAL"];
const account = fc.integer({ min: 1, max: 4 });
const instrument = fc.constantFrom(...INSTRUMENTS);
const price = fc.integer({ min: 997, max: 1003 });
/** true with probability p/10. */
const sometimes = (p: number) => fc.integer({ min: 0, max: 9 }).map((n) => n < p);

const place = fc
  .record({
    type: fc.constantFrom("buy" as const, "sell" as const),
    account,
    instrument,
    amount: fc.integer({ min: 1, max: 6 }),
    price,
    orderType: fc.constantFrom(
      "limit" as const,
      "limit" as const,
      "limit" as const,
      "market" as const,
    ),
    timeInForce: fc.constantFrom(
      "good_til_cancelled" as const,
      "good_til_cancelled" as const,
      "immediate_or_cancel" as const,
      "fill_or_kill" as const,
    ),
    postOnly: sometimes(2),
    rejectPostOnly: sometimes(5),
    reduceOnly: sometimes(3),
  })
  .map((c): Command => {
    const postOnly =
      c.postOnly && c.orderType === "limit" && c.timeInForce === "good_til_cancelled";
    const cmd: Command = { ...c, postOnly, label: "", timestamp: 0 };
    if (c.orderType === "market") delete cmd.price;
    return cmd;
  });
const cancel = fc
  .record({ account, id: fc.integer({ min: 1, max: 25 }) })
  .map(
    (c): Command => ({ type: "cancel", account: c.account, orderId: String(c.id), timestamp: 0 }),
  );
const close = fc
  .record({ account, instrument, price: fc.option(price, { nil: undefined }) })
  .map((c): Command => {
    const cmd: Command = {
      type: "close_position",
      account: c.account,
      instrument: c.instrument,
      timestamp: 0,
    };
    if (c.price !== undefined) cmd.price = c.price;
    return cmd;
  });
export const commands = fc
  .array(
    fc.oneof(
      { arbitrary: place, weight: 6 },
      { arbitrary: cancel, weight: 2 },
      { arbitrary: close, weight: 2 },
    ),
    {
      minLength: 1,
      maxLength: 80,
      size: "max",
    },
  )
  .map((cs) => cs.map((c, i) => ({ ...c, timestamp: 1000 + i })));

const PARAMS = { seed: 20261124, numRuns: 100 };

function fresh(journal?: Command[]): Engine {
  return new Engine({ accounts: ACCOUNTS, journal: journal && { append: (c) => journal.push(c) } });
}

/** Fails with `message` unless `ok` (plain checks: expect() per order per command is slow). */
function check(ok: boolean, message: string): void {
  if (!ok) expect.fail(message);
}

/** Every invariant that must hold at rest, after any command. */
function checkInvariants(engine: Engine): void {
  const resting = new Set<number>();
  for (const book of engine.books) {
    check(!book.isCrossed(), `${book.instrument.name} is crossed at rest`);
    let sum = 0;
    for (const a of engine.accounts.list()) {
      const p = a.peekPosition(book.instrument.index);
      if (p === undefined) continue;
      sum += p.size;
      for (const seq of p.reduceOnly) {
        const o = engine.orders.bySeq(seq)!;
        const cap = p.reducible(o.direction);
        check(o.state === "open", `reduce-only order ${o.id} listed but ${o.state}`);
        check(cap > 0, `reduce-only order ${o.id} rests while the position is ${p.size}`);
        check(
          o.amount - o.filled <= cap,
          `reduce-only order ${o.id} open ${o.amount - o.filled} > |${p.size}|`,
        );
      }
    }
    check(sum === 0, `${book.instrument.name} positions sum to ${sum}`);
    // Trades are zero-sum: realized + floating PnL over all accounts is 0 up to the rounding of
    // each booked fill and each floating figure (half a unit of 1e-8 each).
    let pnl = 0n;
    let positions = 0;
    for (const a of engine.accounts.list()) {
      const p = a.peekPosition(book.instrument.index);
      if (p === undefined) continue;
      positions++;
      pnl += positionFigures(book, p).total;
    }
    const bound = BigInt(2 * book.tradeSeq + positions);
    check(
      pnl <= bound && pnl >= -bound,
      `${book.instrument.name} PnL sums to ${pnl} (bound ${bound})`,
    );
    for (const side of [book.bids, book.asks]) {
      for (const level of side.levels) {
        let total = 0;
        const seqs = level.seqs(engine.orders);
        for (const seq of seqs) {
          const o = engine.orders.bySeq(seq)!;
          check(
            o.price === level.price && o.direction === side.direction && o.book === book,
            `order ${o.id} misplaced`,
          );
          check(
            !o.reduceOnly || o.account.position(book).reduceOnly.includes(seq),
            `reduce-only order ${o.id} rests but its position does not track it`,
          );
          check(!resting.has(seq), `order ${o.id} rests twice`);
          resting.add(seq);
          total += o.amount - o.filled;
        }
        check(
          level.total === total && total > 0 && level.count === seqs.length,
          `level ${level.price} total ${level.total} != ${total} or count ${level.count} != ${seqs.length}`,
        );
      }
    }
  }
  for (const o of engine.orders.values()) {
    check(o.filled >= 0 && o.filled <= o.amount, `order ${o.id} filled ${o.filled} of ${o.amount}`);
    check(
      (o.state === "open") === resting.has(o.seq),
      `order ${o.id} ${o.state} but ${resting.has(o.seq) ? "rests" : "rests nowhere"}`,
    );
    check(
      o.state !== "filled" || o.filled === o.amount,
      `order ${o.id} filled with ${o.filled}/${o.amount}`,
    );
  }
}

const filledSum = (engine: Engine) => {
  let s = 0;
  for (const o of engine.orders.values()) s += o.filled;
  return s;
};

/** Applies a command and checks what it did against the state before. */
function applyChecked(engine: Engine, c: Command): Outcome {
  const sizes = new Map<string, number>();
  for (const a of engine.accounts.list()) {
    for (const b of engine.books) sizes.set(`${a.id}/${b.instrument.name}`, a.position(b).size);
  }
  const before = filledSum(engine);
  const out = engine.apply(c);
  const traded = out.trades.reduce((s, t) => s + t.amount, 0);
  expect(filledSum(engine) - before).toBe(2 * traded);
  if (out.order !== null && c.type !== "cancel") expect(out.order.filled).toBe(traded);
  for (const t of out.trades) {
    expect(t.amount).toBeGreaterThan(0);
    expect(t.takerAccount).not.toBe(t.makerAccount);
    const taker = engine.orders.get(t.takerOrderId)!;
    const maker = engine.orders.get(t.makerOrderId)!;
    expect(maker.direction).not.toBe(taker.direction);
    for (const [o, acct] of [
      [taker, t.takerAccount],
      [maker, t.makerAccount],
    ] as const) {
      const key = `${acct}/${t.instrument}`;
      const prev = sizes.get(key)!;
      const next = prev + (o.direction === "buy" ? t.amount : -t.amount);
      if (o.reduceOnly) {
        expect(Math.abs(next)).toBeLessThan(Math.abs(prev));
        expect(prev > 0 ? next >= 0 : next <= 0).toBe(true);
      }
      sizes.set(key, next);
    }
  }
  for (const a of engine.accounts.list()) {
    for (const b of engine.books)
      expect(a.position(b).size).toBe(sizes.get(`${a.id}/${b.instrument.name}`));
  }
  if (out.code !== 0) {
    expect(out.order).toBeNull();
    expect(out.trades).toEqual([]);
  }
  return out;
}

describe("properties", () => {
  test("invariants hold after every command", { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(commands, (cs) => {
        const engine = fresh();
        for (const c of cs) {
          applyChecked(engine, c);
          checkInvariants(engine);
        }
      }),
      PARAMS,
    );
  });

  test("replaying the journal in a fresh engine gives the same events and state hash", {
    timeout: 60_000,
  }, () => {
    fc.assert(
      fc.property(commands, (cs) => {
        const journal: Command[] = [];
        const a = fresh(journal);
        const eventsA = cs.map((c) => JSON.stringify(a.apply(c).events));
        expect(journal).toEqual(cs);
        const b = fresh();
        const eventsB = JSON.parse(JSON.stringify(journal)).map((c: Command) =>
          JSON.stringify(b.apply(c).events),
        );
        expect(eventsB).toEqual(eventsA);
        expect(b.stateHash()).toBe(a.stateHash());
      }),
      PARAMS,
    );
  });

  test("snapshot -> fromSnapshot keeps the hash and behaves the same on further commands", {
    timeout: 60_000,
  }, () => {
    fc.assert(
      fc.property(commands, fc.nat(), (cs, cut) => {
        const k = cut % (cs.length + 1);
        const a = fresh();
        for (const c of cs.slice(0, k)) a.apply(c);
        const b = Engine.fromSnapshot(JSON.parse(JSON.stringify(a.snapshot())));
        expect(b.stateHash()).toBe(a.stateHash());
        for (const c of cs.slice(k)) {
          const ra = a.apply(c);
          const rb = b.apply(c);
          expect(JSON.stringify(rb.events)).toBe(JSON.stringify(ra.events));
          expect(rb.code).toBe(ra.code);
        }
        expect(b.stateHash()).toBe(a.stateHash());
        checkInvariants(b);
      }),
      PARAMS,
    );
  });

  test("the hash tells states apart", () => {
    const a = fresh();
    const h0 = a.stateHash();
    a.apply({
      type: "buy",
      account: 1,
      instrument: "BTC-PERPETUAL",
      amount: 1,
      price: 1000,
      orderType: "limit",
      timeInForce: "good_til_cancelled",
      postOnly: false,
      rejectPostOnly: false,
      reduceOnly: false,
      label: "",
      timestamp: 1,
    });
    expect(a.stateHash()).not.toBe(h0);
  });
});
