import { Engine } from "@unwind/engine";
import { RawJson, type RequestContext, RpcError } from "@unwind/server";
import { describe, expect, it } from "vitest";
import { loadAccountsFile } from "../config/loadAccountsFile.js";
import { MemoryJournal } from "../journal/MemoryJournal.js";
import { createHandlers } from "./createHandlers.js";
import { createRawPlaceHandlers } from "./createRawPlaceHandlers.js";
import { byMethodName, type Handler, type ReferenceHandlers } from "./ReferenceHandlers.js";
import { withRawResults } from "./withRawResults.js";

const accounts = loadAccountsFile().accounts;
const contextOf = (accountId: number) =>
  ({ principal: { accountId } }) as unknown as RequestContext;

/** Plain and raw handlers over two engines that see the same commands. */
function twins() {
  let t = 1_700_000_000_000;
  const now = () => t;
  const make = () => {
    const engine = new Engine({ accounts, events: false });
    const journal = new MemoryJournal();
    const deps = { engine, auth: undefined as never, journal, now, version: "x" };
    return { plain: byMethodName(createHandlers(deps)), raw: createRawPlaceHandlers(deps) };
  };
  const a = make();
  const b = make();
  const call = async (method: string, params: object, account: number) => {
    const plain = await a.plain[method]!(params, contextOf(account));
    const raw = await b.raw[method as keyof typeof b.raw]!(params, contextOf(account));
    t++;
    return { plain, raw };
  };
  return { call, a, b };
}

describe("createRawPlaceHandlers", () => {
  it("answers buy, sell and close_position with the JSON that JSON.stringify prints for the plain result", async () => {
    const { call } = twins();
    const btc = "BTC-PERPETUAL";
    const steps: [string, object, number][] = [
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
      const { plain, raw } = await call(method, params, account);
      expect(raw).toBeInstanceOf(RawJson);
      expect((raw as RawJson).json).toBe(JSON.stringify(plain));
    }
  });

  it("throws the engine's rejection as the spec's error, like the plain handler", async () => {
    const { b } = twins();
    const close = b.raw["private/close_position"];
    expect(() =>
      close({ instrument_name: "BTC-PERPETUAL", type: "limit" }, contextOf(101)),
    ).toThrow(RpcError);
    try {
      close({ instrument_name: "BTC-PERPETUAL", type: "limit" }, contextOf(101));
    } catch (error) {
      expect((error as RpcError).code).toBe(11030);
      expect((error as RpcError).data).toEqual({ reason: "no_open_position" });
    }
  });
});

describe("withRawResults", () => {
  const plainBuy: Handler = () => ({ order: {}, trades: [] });
  const rawBuy: Handler = () => new RawJson("{}");
  const plain: ReferenceHandlers = { "private/buy": plainBuy, "public/test": () => ({}) };

  it("serves the raw handler where wrapHandlers left the plain one", () => {
    const served = withRawResults(plain, plain, { "private/buy": rawBuy });
    expect(served["private/buy"]).toBe(rawBuy);
    expect(served["public/test"]).toBe(plain["public/test"]);
  });

  it("keeps a method that wrapHandlers replaced (answered through JSON.stringify)", () => {
    const replaced: Handler = () => ({ order: { order_id: 1 }, trades: [] });
    const served = withRawResults(
      plain,
      { ...plain, "private/buy": replaced },
      {
        "private/buy": rawBuy,
      },
    );
    expect(served["private/buy"]).toBe(replaced);
  });
});
