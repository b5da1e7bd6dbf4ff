import { closePosition, Engine, type Params, placeOrder } from "@unwind/engine";
import {
  InternalError,
  OtherRejectError,
  RawJson,
  type RequestContext,
  type RpcError,
} from "@unwind/server";
import { describe, expect, it } from "vitest";
import { loadAccountsFile } from "../config/loadAccountsFile.js";
import type { Journal } from "../journal/Journal.js";
import { MemoryJournal } from "../journal/MemoryJournal.js";
import { settle } from "./answer.js";
import { createHandlers } from "./createHandlers.js";
import type { ReferenceHandlers } from "./ReferenceHandlers.js";

const accounts = loadAccountsFile().accounts;
const contextOf = (accountId: number) =>
  ({ principal: { accountId } }) as unknown as RequestContext;
const T0 = 1_700_000_000_000;

function handlersOver(engine: Engine, journal: Journal = new MemoryJournal()): ReferenceHandlers {
  return createHandlers({ engine, auth: undefined as never, journal, now: () => T0, version: "x" });
}

describe("createHandlers", () => {
  it("answers buy, sell and close_position with the JSON that JSON.stringify prints for the engine's plain result", async () => {
    const handlers = handlersOver(new Engine({ accounts, events: false }));
    const twin = new Engine({ accounts, events: false });
    const btc = "BTC-PERPETUAL";
    const plain: Record<string, (p: Params, a: number) => unknown> = {
      "private/buy": (p, a) => settle(placeOrder(twin, a, "buy", p, T0)),
      "private/sell": (p, a) => settle(placeOrder(twin, a, "sell", p, T0)),
      "private/close_position": (p, a) => settle(closePosition(twin, a, p, T0)),
    };
    const steps: [string, Params, number][] = [
      [
        "private/sell",
        { instrument_name: btc, amount: "100", price: "50000", label: 'a "q"' },
        101,
      ],
      ["private/buy", { instrument_name: btc, amount: "60", price: "50000" }, 102],
      ["private/buy", { instrument_name: btc, amount: "30", price: "49990" }, 101],
      ["private/close_position", { instrument_name: btc, type: "limit" }, 102],
    ];
    for (const [method, params, account] of steps) {
      const raw = await handlers[method]!(params, contextOf(account));
      expect(raw).toBeInstanceOf(RawJson);
      expect((raw as RawJson).json).toBe(JSON.stringify(plain[method]!(params, account)));
    }
  });

  it("returns an engine rejection as the spec's error class instead of throwing it", () => {
    const handlers = handlersOver(new Engine({ accounts, events: false }));
    const close = () =>
      handlers["private/close_position"]!(
        { instrument_name: "BTC-PERPETUAL", type: "limit" },
        contextOf(101),
      );
    expect(close).not.toThrow();
    const out = close() as RpcError;
    expect(out).toBeInstanceOf(OtherRejectError);
    expect([out.code, out.data]).toEqual([11030, { reason: "no_open_position" }]);
    const position = handlers["private/get_position"]!({ instrument_name: "X" }, contextOf(101));
    expect((position as RpcError).code).toBe(10020);
  });

  it("returns public/test's asked-for exception as InternalError", () => {
    const handlers = handlersOver(new Engine({ accounts, events: false }));
    expect(handlers["public/test"]!({ expected_result: "exception" }, contextOf(0))).toBeInstanceOf(
      InternalError,
    );
    expect(handlers["public/test"]!({}, contextOf(0))).toEqual({ version: "x" });
  });

  it("answers a rejection, too, only after the journal's pending flush", async () => {
    let release = () => {};
    const pending = new Promise<void>((resolve) => {
      release = resolve;
    });
    const journal = { flush: () => pending } as unknown as Journal;
    const handlers = handlersOver(new Engine({ accounts, events: false }), journal);
    let settled: unknown;
    void (
      handlers["private/close_position"]!(
        { instrument_name: "BTC-PERPETUAL", type: "limit" },
        contextOf(101),
      ) as Promise<unknown>
    ).then((out) => {
      settled = out;
    });
    await Promise.resolve();
    expect(settled).toBeUndefined();
    release();
    await pending;
    await Promise.resolve();
    expect((settled as RpcError).code).toBe(11030);
  });
});
