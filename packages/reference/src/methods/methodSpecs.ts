import type { MethodSpec, ParamSpec } from "./ParamSpec.js";

// A handwritten copy of spec/openrpc.json's method list (params, x-auth, x-matching-engine,
// errors) standing in for the generated method table; methodSpecs.test.ts compares it with the
// spec so it cannot drift.

const DECIMAL = "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$";
const CURRENCIES = ["BTC", "ETH", "USDC", "USDT", "EURR"];
const KINDS = ["future", "option", "spot", "future_combo", "option_combo"];

const str = (name: string, required = false, more: Partial<ParamSpec> = {}): ParamSpec => ({
  name,
  required,
  kind: "string",
  ...more,
});
const oneOf = (name: string, values: readonly string[], required = false): ParamSpec =>
  str(name, required, { enum: values });
const bool = (name: string): ParamSpec => ({ name, required: false, kind: "boolean" });
const decimal = (name: string): ParamSpec => ({
  name,
  required: false,
  kind: "decimal",
  pattern: DECIMAL,
});
const accessToken = str("access_token", false, { minLength: 1 });
const instrument = str("instrument_name", true);

const COMMON = [-32602, -32603];
const PRIVATE = [...COMMON, 10000, 13009, 13403];
const read = { private: true, scope: "trade:read" } as const;
const write = { private: true, scope: "trade:read_write" } as const;
const open = { private: false } as const;

const orderParams: ParamSpec[] = [
  instrument,
  decimal("amount"),
  decimal("contracts"),
  oneOf("type", ["limit", "market"]),
  str("label", false, { maxLength: 64 }),
  decimal("price"),
  oneOf("time_in_force", ["good_til_cancelled", "fill_or_kill", "immediate_or_cancel"]),
  bool("post_only"),
  bool("reject_post_only"),
  bool("reduce_only"),
  accessToken,
];
const orderErrors = [...PRIVATE, 10020, 10002, 10027, 10023, 10043, 11030, 11054];

function method(
  name: string,
  params: ParamSpec[],
  auth: MethodSpec["auth"],
  errors: number[],
  matchingEngine = false,
): MethodSpec {
  const last = name.slice(name.indexOf("/") + 1);
  const handler = last.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return { name, handler, params, auth, matchingEngine, errors };
}

/** Every method of the spec, close_position first (the spec's order). */
export const methodSpecs: readonly MethodSpec[] = [
  method(
    "private/close_position",
    [instrument, oneOf("type", ["limit"], true), decimal("price"), accessToken],
    write,
    [...PRIVATE, 10020, 11030, 10023, 10043],
    true,
  ),
  method(
    "public/auth",
    [
      oneOf("grant_type", ["client_credentials", "client_signature", "refresh_token"], true),
      str("client_id", false, { minLength: 1 }),
      str("client_secret", false, { minLength: 1 }),
      str("refresh_token", false, { minLength: 1 }),
      { name: "timestamp", required: false, kind: "integer", minimum: 0 },
      str("signature"),
      str("nonce", false, { minLength: 1 }),
      str("data"),
      str("state"),
      str("scope"),
    ],
    open,
    [...COMMON, 13009],
  ),
  method("public/test", [oneOf("expected_result", ["exception"])], open, COMMON),
  method("public/get_time", [], open, COMMON),
  method("public/get_currencies", [], open, COMMON),
  method(
    "public/get_instruments",
    [oneOf("currency", [...CURRENCIES, "any"]), oneOf("kind", KINDS), bool("expired")],
    open,
    COMMON,
  ),
  method(
    "public/get_order_book",
    [instrument, { name: "depth", required: false, kind: "integer", minimum: 1, maximum: 10000 }],
    open,
    [...COMMON, 10020],
  ),
  method("private/buy", orderParams, write, orderErrors, true),
  method("private/sell", orderParams, write, orderErrors, true),
  method(
    "private/cancel",
    [str("order_id", true, { pattern: "^[0-9]+$" }), accessToken],
    write,
    [...PRIVATE, 10004, 11044],
    true,
  ),
  method(
    "private/get_order_state",
    [str("order_id", true, { pattern: "^[0-9]+$" }), accessToken],
    read,
    [...PRIVATE, 10004],
  ),
  method(
    "private/get_open_orders_by_instrument",
    [instrument, oneOf("type", ["all", "limit"]), accessToken],
    read,
    [...PRIVATE, 10020],
  ),
  method("private/get_position", [instrument, accessToken], read, [...PRIVATE, 10020]),
  method(
    "private/get_positions",
    [oneOf("currency", [...CURRENCIES, "any"]), oneOf("kind", KINDS), accessToken],
    read,
    PRIVATE,
  ),
  method(
    "private/get_account_summary",
    [oneOf("currency", CURRENCIES, true), bool("extended"), accessToken],
    read,
    PRIVATE,
  ),
  method("private/get_account_summaries", [bool("extended"), accessToken], read, PRIVATE),
];
