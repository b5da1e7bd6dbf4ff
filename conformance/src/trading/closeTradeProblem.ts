import type { WireOrder } from "./Desk.js";

/** What every trade of a close must say, besides its price and amount. */
export interface CloseTradeExpectation {
  instrument: string;
  direction: "buy" | "sell";
  /** The close order's `order_state` right after each trade, in order. */
  states: string[];
}

/**
 * The first way a close's trades depart from the spec's `Trade` seen from the caller's side
 * (the close order as taker), or from one matching pass (distinct ids, consecutive
 * `trade_seq`); undefined when they conform.
 */
export function closeTradeProblem(
  order: WireOrder,
  trades: Record<string, unknown>[],
  want: CloseTradeExpectation,
): string | undefined {
  const fixed: [string, unknown][] = [
    ["order_id", order.order_id],
    ["instrument_name", want.instrument],
    ["direction", want.direction],
    ["liquidity", "T"],
    ["order_type", "limit"],
    ["reduce_only", true],
    ["post_only", false],
    ["label", ""],
  ];
  for (const [i, t] of trades.entries()) {
    for (const [field, value] of fixed) {
      if (t[field] !== value)
        return `trades[${i}].${field} is ${JSON.stringify(t[field])}, expected ${JSON.stringify(value)}`;
    }
    const state = want.states[i];
    if (state !== undefined && t["state"] !== state)
      return `trades[${i}].state is ${JSON.stringify(t["state"])}, expected ${JSON.stringify(state)} (the order's state right after that trade)`;
  }
  const ids = trades.map((t) => t["trade_id"]);
  if (new Set(ids).size !== ids.length) return `trade ids repeat: ${JSON.stringify(ids)}`;
  const seqs = trades.map((t) => t["trade_seq"]);
  const first = seqs[0];
  if (typeof first === "number" && seqs.some((s, i) => s !== first + i))
    return `trade_seq ${JSON.stringify(seqs)}: one matching pass makes consecutive trades in its instrument (numbered from 1 with no gaps)`;
  return undefined;
}
