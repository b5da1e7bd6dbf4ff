import { expect, it } from "vitest";
import { hasScope } from "./hasScope.js";

it.each([
  [["trade:read_write"], "trade:read_write", true],
  [["trade:read_write"], "trade:read", true],
  [["trade:read"], "trade:read", true],
  [["trade:read"], "trade:read_write", false],
  [["account:read_write"], "trade:read", false],
  [[], "trade:read", false],
])("%j covers %s: %s", (granted, needed, want) => {
  expect(hasScope(granted, needed)).toBe(want);
});
