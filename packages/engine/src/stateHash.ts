import { createHash } from "node:crypto";
import type { EngineSnapshot } from "./EngineSnapshot.js";

/**
 * sha256 (hex) of a snapshot. Snapshots are built in a canonical order, so equal states hash
 * equal; the orders are fed one at a time, so a long history never becomes one giant string.
 */
export function stateHash(snapshot: EngineSnapshot): string {
  const h = createHash("sha256");
  const { history, ...rest } = snapshot;
  h.update(JSON.stringify({ ...rest, orders: snapshot.orders.length }));
  for (const o of snapshot.orders) h.update(JSON.stringify(o));
  if (history !== undefined) {
    h.update(JSON.stringify({ ...history, data: history.data.length }));
    h.update(history.data);
  }
  return h.digest("hex");
}
