import { describe, expect, test } from "vitest";
import { errorEnvelope, resultEnvelope } from "./envelope.js";
import { nowMicros } from "./nowMicros.js";

const timing = (text: string) => {
  const o = JSON.parse(text) as { usIn: number; usOut: number; usDiff: number };
  return { o, tail: text.slice(text.indexOf(',"usIn":')) };
};

describe("the response envelope", () => {
  test("a result: jsonrpc, id, result, usIn, usOut, usDiff, testnet, in that order", () => {
    const usIn = nowMicros();
    const text = resultEnvelope("7", '{"a":1}', usIn, true);
    const { o, tail } = timing(text);
    expect(Object.keys(o)).toEqual([
      "jsonrpc",
      "id",
      "result",
      "usIn",
      "usOut",
      "usDiff",
      "testnet",
    ]);
    expect(text.startsWith(`{"jsonrpc":"2.0","id":7,"result":{"a":1},"usIn":${usIn},`)).toBe(true);
    expect(o.usDiff).toBe(o.usOut - o.usIn);
    expect(o.usOut).toBeGreaterThanOrEqual(usIn);
    expect(tail.endsWith(',"testnet":true}')).toBe(true);
  });

  test("an error: code, message, data when there is some; a non-integer code is -32603", () => {
    expect(
      JSON.parse(errorEnvelope("null", 10009, "not_enough_funds", { reason: "x" }, 1, false)),
    ).toMatchObject({
      jsonrpc: "2.0",
      id: null,
      error: { code: 10009, message: "not_enough_funds", data: { reason: "x" } },
      usIn: 1,
      testnet: false,
    });
    const bare = errorEnvelope('"a"', 1.5, "odd", undefined, 1, false);
    expect(
      bare.startsWith(
        '{"jsonrpc":"2.0","id":"a","error":{"code":-32603,"message":"odd"},"usIn":1,',
      ),
    ).toBe(true);
  });

  test("the id is echoed as the text given: beyond 2^53 digit for digit", () => {
    expect(resultEnvelope("12345678901234567890", "null", 1, false)).toMatch(
      /^\{"jsonrpc":"2\.0","id":12345678901234567890,"result":null,/,
    );
  });

  test("usIn and usOut are microseconds since the epoch (16 digits)", () => {
    const us = nowMicros();
    expect(Number.isInteger(us)).toBe(true);
    expect(String(us)).toHaveLength(16);
    expect(Math.abs(us / 1000 - Date.now())).toBeLessThan(1000);
  });
});
