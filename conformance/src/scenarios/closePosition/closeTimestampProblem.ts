/** How far (ms) an order's or trade's timestamp may be from the suite's clock. */
const TOLERANCE_MS = 60_000;

/**
 * The first way the close order's timestamps or its trades' depart from the spec's `Timestamp`
 * (integer milliseconds since the epoch, here within 60 s of `now`), or a creation after the
 * last update; undefined when they conform. Members a server left out are not judged.
 */
export function closeTimestampProblem(
  order: Record<string, unknown>,
  trades: Record<string, unknown>[],
  now: number,
): string | undefined {
  const stamps: [string, unknown][] = [
    ["order.creation_timestamp", order["creation_timestamp"]],
    ["order.last_update_timestamp", order["last_update_timestamp"]],
    ...trades.map((t, i): [string, unknown] => [`trades[${i}].timestamp`, t["timestamp"]]),
  ];
  for (const [name, value] of stamps) {
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isInteger(value))
      return `${name} is ${JSON.stringify(value)}, not an integer`;
    if (Math.abs(value - now) > TOLERANCE_MS)
      return `${name} is ${value}, ${new Date(now).toISOString()} is ${now} ms since the epoch (more than 60 s apart: not milliseconds, or a wrong clock)`;
  }
  const created = order["creation_timestamp"];
  const updated = order["last_update_timestamp"];
  if (typeof created === "number" && typeof updated === "number" && created > updated)
    return `creation_timestamp ${created} is after last_update_timestamp ${updated}`;
  return undefined;
}
