import { expect, it } from "vitest";
import { describeParamError } from "./describeParamError.js";
import { methods, validators } from "./fixtureApi.test-helpers.js";

const close = methods["private/close_position"]!;
const validate = validators["private/close_position"]!;
const base = { instrument_name: "BTC-PERPETUAL", type: "limit" };

it.each([
  [{}, { param: "instrument_name", reason: "is required" }],
  [{ type: "limit" }, { param: "instrument_name", reason: "is required" }],
  [
    { ...base, type: "market" },
    { param: "type", reason: 'must be one of "limit"' },
  ],
  [
    { ...base, type: 1 },
    { param: "type", reason: "must be string" },
  ],
  [
    { ...base, price: "12." },
    { param: "price", reason: 'must be a decimal string such as "50000" or "0.5"' },
  ],
  [
    { ...base, price: `1.${"0".repeat(63)}` },
    { param: "price", reason: "must NOT have more than 64 characters" },
  ],
  [
    { ...base, price: true },
    { param: "price", reason: 'must be a decimal string such as "50000" or "0.5"' },
  ],
  [
    { ...base, label: "x" },
    { param: "label", reason: "is not a param of private/close_position" },
  ],
])("describes %j", (params, want) => {
  expect(validate(params)).toBe(false);
  expect(describeParamError(validate.errors, close)).toEqual(want);
});

it.each([
  [
    {
      instancePath: "/order/amount",
      keyword: "type",
      params: { type: "string" },
      message: "must be string",
    },
    { param: "order", reason: "amount must be string" },
  ],
  [
    { instancePath: "/a~1b", keyword: "minimum", params: {}, message: "must be >= 0" },
    { param: "a/b", reason: "must be >= 0" },
  ],
  [
    { instancePath: "/order", keyword: "required", params: { missingProperty: "amount" } },
    { param: "order", reason: "amount is required" },
  ],
  [
    { instancePath: "/s", keyword: "pattern", params: { pattern: "^[0-9]+$" } },
    { param: "s", reason: "must match the pattern ^[0-9]+$" },
  ],
  [
    { instancePath: "/s", keyword: "const", params: { allowedValue: "x" } },
    { param: "s", reason: 'must be "x"' },
  ],
])("describes a nested or other error %#", (error, want) => {
  expect(describeParamError([error], close)).toEqual(want);
});

it("has a reason when there is no error", () => {
  expect(describeParamError(null, close)).toEqual({ param: "params", reason: "are invalid" });
});
