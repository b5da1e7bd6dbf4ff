import { expect, test } from "vitest";
import { ResultCode, resultMessage } from "./ResultCode.js";

test("result codes are unique and each has a message", () => {
  const codes = Object.values(ResultCode);
  expect(new Set(codes).size).toBe(codes.length);
  for (const c of codes) expect(resultMessage[c]).toMatch(/^[A-Za-z_ ]+$/);
  expect(Object.keys(resultMessage).length).toBe(codes.length);
});

test("codes sit in their ranges", () => {
  for (const [name, code] of Object.entries(ResultCode)) {
    const ok = code === 0 || code === -32602 || (code >= 10000 && code < 14000);
    expect(ok, name).toBe(true);
  }
});
