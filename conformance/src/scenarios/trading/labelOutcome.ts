import { orderChecks as c } from "../../checks/orderChecks.js";
import type { CheckOutcome } from "../../core/CheckOutcome.js";
import { type Desk, openOrders, place } from "../../trading/Desk.js";

/**
 * order-label-kept: the maker bids four ticks down with a label of 64 characters (OrderLabel's
 * maximum); buy's answer and get_open_orders_by_instrument must carry it whole.
 */
export async function labelOutcome(desk: Desk): Promise<CheckOutcome> {
  const label = "conformance-label-".padEnd(64, "0123456789");
  const placed = await place(desk, desk.maker, "buy", desk.lots(1), desk.price(-4), { label });
  const expected = `label ${JSON.stringify(label)} (64 characters)`;
  if (placed.order["label"] !== label)
    return c.label.fail(`buy answered label ${JSON.stringify(placed.order["label"])}`, {
      exchange: placed.exchange,
      expected,
    });
  const listed = await openOrders(desk, desk.maker);
  const entry = listed.orders.find((o) => o.order_id === placed.order.order_id);
  return entry !== undefined && entry["label"] !== label
    ? c.label.fail(
        `get_open_orders_by_instrument lists the order with label ${JSON.stringify(entry["label"])}`,
        { exchange: listed.exchange, expected },
      )
    : c.label.pass();
}
