import { isDecimal, sameDec } from "../core/decimal.js";

/** Order fields fixed when the order is placed: they may not differ between two reads. */
const FIXED = new Set([
  "order_id",
  "instrument_name",
  "direction",
  "order_type",
  "time_in_force",
  "label",
  "post_only",
  "reject_post_only",
  "reduce_only",
  "creation_timestamp",
  "api",
  "web",
  "is_liquidation",
]);

/**
 * The first field of `a` whose value `b` does not share (decimals compared as numbers),
 * described with both names; undefined when they agree. When `b` is a later update of the
 * order (a greater `last_update_timestamp`), only the fields fixed at placement are compared.
 */
export function orderDisagreement(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  names: [string, string],
): string | undefined {
  const later =
    typeof a["last_update_timestamp"] === "number" &&
    typeof b["last_update_timestamp"] === "number" &&
    b["last_update_timestamp"] > a["last_update_timestamp"];
  for (const [key, value] of Object.entries(a)) {
    if (later && !FIXED.has(key)) continue;
    const other = b[key];
    const same =
      isDecimal(value) && isDecimal(other)
        ? sameDec(value, other)
        : JSON.stringify(value) === JSON.stringify(other);
    if (!same)
      return `${key} is ${JSON.stringify(value)} in ${names[0]} but ${other === undefined ? "absent" : JSON.stringify(other)} in ${names[1]}`;
  }
  return undefined;
}
