import type { AccountSession } from "../../core/RunContext.js";
import { ScenarioError } from "../../core/ScenarioError.js";
import { type Exchange, hasResult, resultOf } from "../../driver/Exchange.js";
import { type Desk, must, orderState, type WireOrder } from "../../trading/Desk.js";

/** What a successful close_position left: its answer, and the order as get_order_state shows it. */
export interface Closed {
  exchange: Exchange;
  /** close_position's `order` completed by get_order_state's fields it left out. */
  order: WireOrder;
  /** The order exactly as close_position answered it. */
  answered: WireOrder;
  /** The order exactly as get_order_state answered it. */
  stateOrder: WireOrder;
  trades: Record<string, unknown>[] | undefined;
  stateExchange: Exchange;
}

/** Calls close_position; throws a {@link ScenarioError} (failing the scenario's checks) if it does not place an order. */
export async function closeAndRead(
  desk: Desk,
  who: AccountSession,
  price?: string,
): Promise<Closed> {
  const params: Record<string, unknown> = {
    instrument_name: desk.market.instrument,
    type: "limit",
  };
  if (price !== undefined) params["price"] = price;
  const exchange = await who.call("private/close_position", params);
  if (!hasResult(exchange))
    throw new ScenarioError("close_position did not place an order", exchange);
  const result = resultOf<{ order?: WireOrder; trades?: Record<string, unknown>[] }>(exchange);
  const answered = result?.order;
  if (answered === undefined || answered === null || typeof answered.order_id !== "string") {
    throw new ScenarioError("close_position's result has no order.order_id string", exchange);
  }
  const state = await orderState(who, answered.order_id);
  must(state.exchange, "get_order_state of the closing order");
  return {
    exchange,
    order: { ...state.order, ...answered },
    answered,
    stateOrder: state.order,
    trades: Array.isArray(result.trades) ? result.trades : undefined,
    stateExchange: state.exchange,
  };
}
