import { errorTable as spec } from "./generated/errorTable.js";

/** The spec's errors the engine answers with, by the engine's names. */
const errors = {
  INVALID_PARAMS: spec.InvalidParams,
  QTY_TOO_LOW: spec.QtyTooLow,
  ORDER_NOT_FOUND: spec.OrderNotFound,
  INVALID_OR_UNSUPPORTED_INSTRUMENT: spec.InvalidOrUnsupportedInstrument,
  INVALID_PRICE: spec.InvalidPrice,
  NON_INTEGER_CONTRACT_AMOUNT: spec.NonIntegerContractAmount,
  PRICE_WRONG_TICK: spec.PriceWrongTick,
  OTHER_REJECT: spec.OtherReject,
  NOT_OPEN_ORDER: spec.NotOpenOrder,
  POST_ONLY_REJECT: spec.PostOnlyReject,
  UNAUTHORIZED: spec.Unauthorized,
} as const;

type Codes = { readonly [K in keyof typeof errors]: (typeof errors)[K]["code"] };

/**
 * Result codes of the engine's hot path: 0 success, else the code of one of the spec's errors
 * (generated from `spec/openrpc.json` into `generated/errorTable.ts`), grouped by range:
 * -326xx JSON-RPC params; 100xx order validation; 110xx matching rejects; 130xx access.
 */
export const ResultCode = {
  OK: 0,
  ...(Object.fromEntries(Object.entries(errors).map(([name, e]) => [name, e.code])) as Codes),
} as const;

/** One of the values of {@link ResultCode}. */
export type ResultCode = (typeof ResultCode)[keyof typeof ResultCode];

/** The wire `message` of each result code: the spec's (Deribit's names). */
export const resultMessage: Readonly<Record<ResultCode, string>> = {
  0: "success",
  ...Object.fromEntries(Object.values(errors).map((e) => [e.code, e.message])),
} as Record<ResultCode, string>;

/** The `data.reason` values of 11030 other_reject (the methods' `x-reject-reasons`). */
export type RejectReason = "no_open_position" | "no_liquidity" | "reduce_only";
