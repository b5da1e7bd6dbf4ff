import { describe, expect, test } from "vitest";
import { ACCOUNTS } from "./bookTable.test.kit.js";
import type { Command, PlaceCommand } from "./Command.js";
import { Engine } from "./Engine.js";
import { closePosition } from "./wire/closePosition.js";
import { getOpenOrdersByInstrument } from "./wire/orderQueries.js";
import { placeOrder } from "./wire/placeOrder.js";
import { getPositions } from "./wire/positionQueries.js";

const BTC = "BTC-PERPETUAL";
const T = 9000;

/**
 * An engine with a journal: account 1 is long 10 BTC-PERPETUAL (bought from account 2 at 1000
 * ticks), account 3 rests a sell of 5 at 1100, and order "1" (account 2's sell) is filled.
 */
function seeded() {
  const journal: Command[] = [];
  const engine = new Engine({ accounts: ACCOUNTS, journal: { append: (c) => journal.push(c) } });
  engine.apply(place({ type: "sell", account: 2, price: 1000, amount: 10, timestamp: 1 }));
  engine.apply(place({ type: "buy", account: 1, price: 1000, amount: 10, timestamp: 2 }));
  engine.apply(place({ type: "sell", account: 3, price: 1100, amount: 5, timestamp: 3 }));
  return { engine, journal };
}

function place(c: Partial<PlaceCommand> & Pick<PlaceCommand, "type" | "account">): PlaceCommand {
  return {
    instrument: BTC,
    amount: 1,
    price: 1000,
    orderType: "limit",
    timeInForce: "good_til_cancelled",
    postOnly: false,
    rejectPostOnly: false,
    reduceOnly: false,
    label: "",
    timestamp: T,
    ...c,
  };
}

/** What a client can read: the snapshot and every account's positions and open orders. */
function observable(engine: Engine) {
  return {
    snapshot: engine.snapshot(),
    positions: ACCOUNTS.map((a) => getPositions(engine, a.id, {})),
    open: ACCOUNTS.map((a) => getOpenOrdersByInstrument(engine, a.id, { instrument_name: BTC })),
  };
}

describe("a rejected command changes only the clock, and is journaled", () => {
  const cases: [string, Command, number][] = [
    ["unknown account", place({ type: "buy", account: 99 }), 13009],
    ["unknown instrument", place({ type: "buy", account: 1, instrument: "NOPE" }), 10020],
    ["zero amount", place({ type: "buy", account: 1, amount: 0 }), 10002],
    ["zero price", place({ type: "buy", account: 1, price: 0 }), 10023],
    [
      "reduce-only on the growing side",
      place({ type: "buy", account: 1, reduceOnly: true }),
      11030,
    ],
    ["reduce-only while flat", place({ type: "sell", account: 4, reduceOnly: true }), 11030],
    ["market order, empty side", place({ type: "sell", account: 4, orderType: "market" }), 11030],
    [
      "crossing post-only with reject_post_only",
      place({ type: "buy", account: 4, price: 1200, postOnly: true, rejectPostOnly: true }),
      11054,
    ],
    [
      "cancel of an unknown order",
      { type: "cancel", account: 1, orderId: "77", timestamp: T },
      10004,
    ],
    ["cancel of a filled order", { type: "cancel", account: 2, orderId: "1", timestamp: T }, 11044],
    [
      "cancel of another account's order",
      { type: "cancel", account: 1, orderId: "3", timestamp: T },
      10004,
    ],
    [
      "close_position, flat",
      { type: "close_position", account: 4, instrument: BTC, timestamp: T },
      11030,
    ],
    [
      "close_position, no bids",
      { type: "close_position", account: 1, instrument: BTC, timestamp: T },
      11030,
    ],
  ];
  test.each(cases)("%s", (_, command, code) => {
    const { engine, journal } = seeded();
    const before = observable(engine);
    const journaled = journal.length;
    const out = engine.apply(command);
    expect(out.code).toBe(code);
    expect([out.order, out.trades, out.events]).toEqual([null, [], []]);
    expect(journal.slice(journaled)).toEqual([command]);
    expect(engine.lastTimestamp).toBe(T);
    expect(observable(engine)).toEqual({
      ...before,
      snapshot: { ...before.snapshot, lastTimestamp: T },
    });
    // The journal holds the rejection, so a replay reaches the same clock and the same hash.
    const replay = new Engine({ accounts: ACCOUNTS });
    for (const c of journal) replay.apply(c);
    expect(replay.stateHash()).toBe(engine.stateHash());
  });
});

test("a call the edge refuses before making a command changes nothing, not even the clock", () => {
  const { engine, journal } = seeded();
  const before = engine.stateHash();
  const journaled = journal.length;
  const refusals = [
    placeOrder(engine, 1, "buy", { instrument_name: BTC, amount: "10", price: "1.0x" }, T),
    placeOrder(engine, 1, "buy", { instrument_name: "NOPE", amount: "10", price: "1" }, T),
    placeOrder(engine, 1, "buy", { instrument_name: BTC, amount: "10", price: "0" }, T),
    placeOrder(engine, 1, "buy", { instrument_name: BTC, amount: "10", price: "1000.25" }, T),
    placeOrder(engine, 1, "buy", { instrument_name: BTC, amount: "15", price: "1" }, T),
    closePosition(engine, 1, { instrument_name: BTC, type: "limit", price: "-1" }, T),
  ];
  expect(refusals.map((r) => !r.ok && r.code)).toEqual([-32602, 10020, 10023, 10043, 10027, 10023]);
  expect(journal.length).toBe(journaled);
  expect(engine.lastTimestamp).toBe(3);
  expect(engine.stateHash()).toBe(before);
});
