import type { Command } from "../Command.js";
import type { Engine } from "../Engine.js";
import { formatAmount, formatPrice } from "../wire/format.js";

/** A JSON-RPC method and named params, decimals as strings. */
export interface WireRequest {
  method: string;
  params: Record<string, unknown>;
}

/** Turns an integer command back into the wire request that produces it (for server benches). */
export function toWireRequest(engine: Engine, command: Command): WireRequest {
  if (command.type === "cancel")
    return { method: "private/cancel", params: { order_id: command.orderId } };
  // The server applies cancel_all itself (cancel on disconnect): no request makes it.
  if (command.type === "cancel_all") throw new Error("cancel_all has no wire request");
  const instrument = engine.book(command.instrument)?.instrument;
  if (instrument === undefined) throw new Error(`unknown instrument ${command.instrument}`);
  if (command.type === "close_position") {
    const params: Record<string, unknown> = { instrument_name: command.instrument, type: "limit" };
    if (command.price !== undefined) params["price"] = formatPrice(instrument, command.price);
    return { method: "private/close_position", params };
  }
  const params: Record<string, unknown> = {
    instrument_name: command.instrument,
    amount: formatAmount(instrument, command.amount),
    type: command.orderType,
    time_in_force: command.timeInForce,
  };
  if (command.price !== undefined) params["price"] = formatPrice(instrument, command.price);
  if (command.postOnly) params["post_only"] = true;
  if (command.rejectPostOnly) params["reject_post_only"] = true;
  if (command.reduceOnly) params["reduce_only"] = true;
  if (command.label !== "") params["label"] = command.label;
  return { method: `private/${command.type}`, params };
}
