import type { WireOrder } from "./Desk.js";

/**
 * The first way a get_open_orders_by_instrument list departs from its description: an order not
 * open, ids not ascending, an order it should list missing, or the `type: "limit"` list
 * (`limited`) not the same orders; undefined when it conforms.
 */
export function openOrdersListingProblem(
  listed: WireOrder[],
  limited: WireOrder[],
  mustList: string[],
): string | undefined {
  const notOpen = listed.find((o) => o.order_state !== "open");
  if (notOpen !== undefined)
    return `it lists order ${notOpen.order_id} with order_state ${JSON.stringify(notOpen.order_state)}`;
  const ids = listed.map((o) => o.order_id);
  for (let i = 1; i < ids.length; i++) {
    if (!/^[0-9]+$/.test(ids[i - 1]!) || !/^[0-9]+$/.test(ids[i]!)) continue;
    if (BigInt(ids[i - 1]!) >= BigInt(ids[i]!))
      return `order ids ${JSON.stringify(ids)} are not ascending (oldest first)`;
  }
  const missing = mustList.find((id) => !ids.includes(id));
  if (missing !== undefined) return `open order ${missing} is not listed: ${JSON.stringify(ids)}`;
  const limitIds = limited.map((o) => o.order_id);
  if (JSON.stringify(limitIds) !== JSON.stringify(ids))
    return `type "limit" lists ${JSON.stringify(limitIds)}, the default (all) ${JSON.stringify(ids)}: every resting order is a limit order`;
  return undefined;
}
