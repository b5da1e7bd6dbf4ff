import { isDecimal, mulDec, sameDec } from "../core/decimal.js";

/** What the order close_position places must be. */
export interface CloseOrderExpectation {
  direction: "buy" | "sell";
  amount: string;
  /** The instrument's contract size: when given, `contracts` must be `amount / contract_size`. */
  contractSize?: string;
}

/**
 * The first way an order (close_position's `order`, completed by get_order_state) departs from
 * what close_position must place; undefined when it conforms. Fields a server leaves out of
 * close_position's result are judged from get_order_state.
 */
export function closeOrderProblem(
  order: Record<string, unknown>,
  want: CloseOrderExpectation,
): string | undefined {
  const id = order["order_id"];
  if (typeof id !== "string" || !/^[0-9]+$/.test(id))
    return `order_id is ${JSON.stringify(id)}, not a string of digits`;
  const expect: [string, unknown][] = [
    ["direction", want.direction],
    ["order_type", "limit"],
    ["reduce_only", true],
    ["time_in_force", "good_til_cancelled"],
    ["post_only", false],
    // Step 5 fixes these too; a close with no label param carries `""`.
    ["reject_post_only", false],
    ["label", ""],
  ];
  for (const [field, value] of expect) {
    if (order[field] !== value)
      return `${field} is ${JSON.stringify(order[field])}, expected ${JSON.stringify(value)}`;
  }
  if (!isDecimal(order["amount"]) || !sameDec(order["amount"], want.amount)) {
    return `amount is ${JSON.stringify(order["amount"])}, expected ${JSON.stringify(want.amount)} (the absolute position size)`;
  }
  const contracts = order["contracts"];
  if (
    contracts !== undefined &&
    want.contractSize !== undefined &&
    !(
      typeof contracts === "string" &&
      /^[0-9]+$/.test(contracts) &&
      sameDec(mulDec(want.contractSize, BigInt(contracts)), want.amount)
    )
  ) {
    return `contracts is ${JSON.stringify(contracts)}, expected amount / contract_size = ${want.amount} / ${want.contractSize}`;
  }
  return undefined;
}
