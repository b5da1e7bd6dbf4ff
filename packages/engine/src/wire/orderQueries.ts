import type { Engine } from "../Engine.js";
import type { Order } from "../Order.js";
import { ResultCode } from "../ResultCode.js";
import { type EdgeResult, edgeError } from "./EdgeResult.js";
import { type Params, parseBook } from "./parseParams.js";
import { toWireOrder, type WireOrder } from "./toWireOrder.js";

/** private/get_order_state: any of the account's orders, open or closed. */
export function getOrderState(
  engine: Engine,
  account: number,
  params: Params,
): EdgeResult<WireOrder> {
  const order = engine.orders.get(params["order_id"] as string);
  if (order === undefined || order.account.id !== account) {
    return edgeError(ResultCode.ORDER_NOT_FOUND);
  }
  return { ok: true, result: toWireOrder(order) };
}

/**
 * private/get_open_orders_by_instrument: the account's resting orders, oldest first (`type`,
 * schema-checked "all" or "limit", changes nothing: every resting order is a limit order).
 */
export function getOpenOrdersByInstrument(
  engine: Engine,
  account: number,
  params: Params,
): EdgeResult<WireOrder[]> {
  const book = parseBook(engine, params);
  if (!book.ok) return book;
  const found: Order[] = [];
  for (const side of [book.value.bids, book.value.asks]) {
    for (const level of side.levels) {
      for (const seq of level.seqs(engine.orders)) {
        if (engine.orders.accountId(seq) === account) found.push(engine.orders.bySeq(seq)!);
      }
    }
  }
  found.sort((a, b) => a.seq - b.seq);
  return { ok: true, result: found.map(toWireOrder) };
}
