import { Engine } from "@unwind/engine";
import { RawJson } from "@unwind/server";
import { describe, expect, it } from "vitest";
import { loadAccountsFile } from "../config/loadAccountsFile.js";
import type { Handler, ReferenceHandlers } from "./ReferenceHandlers.js";
import { withRawResults } from "./withRawResults.js";

const engine = new Engine({ accounts: loadAccountsFile().accounts, events: false });
const placed = engine.placeOrder(
  101,
  "buy",
  { instrument_name: "BTC-PERPETUAL", amount: "10", price: "100", label: 'a "quoted" label' },
  1_700_000_000_000,
);
if (!placed.ok) throw new Error("the fixture order was rejected");
const result = placed.result;
const context = {} as Parameters<Handler>[1];

const plain: ReferenceHandlers = {
  "private/buy": () => result,
  "private/sell": async () => result,
  "private/close_position": () => result,
  "public/test": () => ({ version: "1" }),
};

describe("withRawResults", () => {
  it("answers buy, sell and close_position with their JSON, as JSON.stringify prints it", async () => {
    const served = withRawResults(plain);
    for (const method of ["private/buy", "private/sell", "private/close_position"]) {
      const out = await served[method]!({}, context);
      expect(out).toBeInstanceOf(RawJson);
      expect((out as RawJson).json).toBe(JSON.stringify(result));
    }
    expect(served["public/test"]).toBe(plain["public/test"]);
  });

  it("leaves a method that wrapHandlers replaced to JSON.stringify", () => {
    const replaced: Handler = () => ({ order: { order_id: 1 }, trades: [] });
    const served = withRawResults(plain, { ...plain, "private/close_position": replaced });
    expect(served["private/close_position"]).toBe(replaced);
    expect(served["private/buy"]!({}, context)).toBeInstanceOf(RawJson);
  });

  it("lets errors through: a rejection stays a rejection", async () => {
    const failing: ReferenceHandlers = {
      "private/buy": () => {
        throw new Error("sync");
      },
      "private/sell": () => Promise.reject(new Error("async")),
    };
    const served = withRawResults(failing);
    expect(() => served["private/buy"]!({}, context)).toThrow("sync");
    await expect(served["private/sell"]!({}, context)).rejects.toThrow("async");
  });
});
