/**
 * Result codes of the engine's hot path, grouped by range like the wire's error codes:
 * 0 success; -326xx JSON-RPC params; 100xx order validation; 110xx matching rejects; 130xx access.
 */
export const ResultCode = {
  OK: 0,
  INVALID_PARAMS: -32602,
  QTY_TOO_LOW: 10002,
  ORDER_NOT_FOUND: 10004,
  INVALID_OR_UNSUPPORTED_INSTRUMENT: 10020,
  INVALID_PRICE: 10023,
  NON_INTEGER_CONTRACT_AMOUNT: 10027,
  PRICE_WRONG_TICK: 10043,
  OTHER_REJECT: 11030,
  NOT_OPEN_ORDER: 11044,
  POST_ONLY_REJECT: 11054,
  UNAUTHORIZED: 13009,
} as const;

/** One of the values of {@link ResultCode}. */
export type ResultCode = (typeof ResultCode)[keyof typeof ResultCode];

/** The wire `message` of each result code (Deribit's names). */
export const resultMessage: Readonly<Record<ResultCode, string>> = {
  0: "success",
  [-32602]: "Invalid params",
  10002: "qty_too_low",
  10004: "order_not_found",
  10020: "invalid_or_unsupported_instrument",
  10023: "invalid_price",
  10027: "non_integer_contract_amount",
  10043: "price_wrong_tick",
  11030: "other_reject",
  11044: "not_open_order",
  11054: "post_only_reject",
  13009: "unauthorized",
};

/** The `data.reason` values of 11030 other_reject. */
export type RejectReason = "no_open_position" | "no_liquidity" | "reduce_only";
