import { describe, expect, it } from "vitest";
import type { Handlers } from "../generated/handlers.js";
import type { ClosePositionReturnType, TestReturnType } from "../generated/types.js";
import { createDispatcher } from "./createDispatcher.js";
import { auth, methods, testSession, validators } from "./fixtureApi.test-helpers.js";
import { RawJson, rawJson } from "./RawJson.js";

const text = '{"order":{"order_id":"7","label":"a\\"b"},  "trades":[]}';
const handlers = {
  test: () => rawJson(text),
  closePosition: async () => rawJson(text),
  getPosition: () => ({ size: "0" }),
  auth: () => rawJson("null"),
  echo: (p: object) => p,
  slow: () => ({}),
  boom: () => ({}),
  reject: () => ({}),
  big: () => "",
};
const dispatcher = createDispatcher({ methods, validators, handlers, auth });
const call = (method: string, params: object = {}) =>
  dispatcher.handleText(JSON.stringify({ jsonrpc: "2.0", id: 3, method, params }), {
    ...testSession("ws"),
    principal: { accountId: 1, scopes: ["trade:read_write"] },
  });

describe("rawJson", () => {
  it("is spliced into the envelope verbatim, byte for byte", () => {
    const out = call("public/test") as string;
    expect(out.startsWith(`{"jsonrpc":"2.0","id":3,"result":${text},"usIn":`)).toBe(true);
    expect(JSON.parse(out).result).toEqual(JSON.parse(text));
  });

  it("works from an async handler too", async () => {
    const out = (await call("private/close_position", {
      instrument_name: "BTC-PERPETUAL",
      type: "limit",
    }))!;
    expect(out).toContain(`"result":${text},`);
  });

  it("holds the text, not the value: code that wraps a handler parses `json` to read fields", () => {
    const raw = rawJson<{ a: number }>('{"a":1}');
    expect(raw).toBeInstanceOf(RawJson);
    expect(raw.json).toBe('{"a":1}');
    expect(JSON.stringify(raw)).toBe('{"json":"{\\"a\\":1}"}');
  });

  it("types: a handler may return RawJson of its own result type, not of another's", () => {
    const close: Handlers["closePosition"] = () => rawJson<ClosePositionReturnType>("{}");
    const later: Handlers["closePosition"] = async () => rawJson<ClosePositionReturnType>("{}");
    // @ts-expect-error RawJson<TestReturnType> is not a close_position result
    const wrong: Handlers["closePosition"] = () => rawJson<TestReturnType>("{}");
    expect([close, later, wrong].every((f) => typeof f === "function")).toBe(true);
  });
});
