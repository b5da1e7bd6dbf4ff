import { describeParamError } from "@unwind/server";
import { expect, test } from "vitest";
import { referenceMethodTable } from "./methodTable.js";

const { methods, validators } = referenceMethodTable();

function problem(method: string, params: Record<string, unknown>) {
  const validate = validators[method]!;
  return validate(params) ? "valid" : describeParamError(validate.errors, methods[method]!);
}

test.each([
  ["private/close_position", { instrument_name: "BTC-PERPETUAL", type: "limit" }, "valid"],
  ["private/close_position", { instrument_name: "X", type: "limit", price: 5 }, "valid"],
  [
    "private/close_position",
    { type: "limit" },
    { param: "instrument_name", reason: "is required" },
  ],
  [
    "private/close_position",
    { instrument_name: "X", type: "market" },
    { param: "type", reason: 'must be one of "limit"' },
  ],
  [
    "private/close_position",
    { instrument_name: "X", type: "limit", price: "1e5" },
    { param: "price", reason: 'must be a decimal string such as "50000" or "0.5"' },
  ],
  [
    "private/buy",
    { instrument_name: "X", label: "x".repeat(65) },
    { param: "label", reason: "must NOT have more than 64 characters" },
  ],
  [
    "private/buy",
    { instrument_name: "X", post_only: "true" },
    { param: "post_only", reason: "must be boolean" },
  ],
  [
    "private/cancel",
    { order_id: "12a" },
    { param: "order_id", reason: "must match the pattern ^[0-9]+$" },
  ],
  [
    "public/get_order_book",
    { instrument_name: "X", depth: 0 },
    { param: "depth", reason: "must be >= 1" },
  ],
  [
    "public/get_order_book",
    { instrument_name: "X", depth: 1.5 },
    { param: "depth", reason: "must be integer" },
  ],
  [
    "public/auth",
    { grant_type: "password" },
    {
      param: "grant_type",
      reason: 'must be one of "client_credentials", "client_signature", "refresh_token"',
    },
  ],
  [
    "public/auth",
    { grant_type: "client_credentials", client_id: "" },
    { param: "client_id", reason: "must NOT have fewer than 1 characters" },
  ],
  ["public/get_instruments", { currency: "BTC", unknown_param: 1 }, "valid"],
])("%s %j: %j", (method, params, want) => {
  expect(problem(method, params)).toEqual(want);
});
