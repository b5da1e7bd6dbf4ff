import type { BookChange, BookLevelChange } from "./BookMirror.js";

function levelsJson(levels: readonly BookLevelChange[]): string {
  let out = "[";
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i]!;
    out += `${i === 0 ? "" : ","}["${level[0]}","${level[1]}","${level[2]}"]`;
  }
  return `${out}]`;
}

/**
 * `JSON.stringify(change)`, written without walking the object: a `book.{instrument}.raw`
 * notification is built on every book change a subscriber listens to. The actions and the
 * canonical decimals (`formatPrice`, `formatAmount`: digits, `-` and `.`) need no escaping; the
 * instrument name goes through `JSON.stringify`.
 *
 * @example
 * bookChangeJson({ type: "change", timestamp: 1, instrument_name: "BTC-PERPETUAL", change_id: 8,
 *   prev_change_id: 7, bids: [["delete", "50000", "0"]], asks: [] });
 * // '{"type":"change","timestamp":1,"instrument_name":"BTC-PERPETUAL","change_id":8,"prev_change_id":7,"bids":[["delete","50000","0"]],"asks":[]}'
 */
export function bookChangeJson(change: BookChange): string {
  const prev =
    change.prev_change_id === undefined ? "" : `,"prev_change_id":${change.prev_change_id}`;
  return `{"type":"${change.type}","timestamp":${change.timestamp},"instrument_name":${JSON.stringify(change.instrument_name)},"change_id":${change.change_id}${prev},"bids":${levelsJson(change.bids)},"asks":${levelsJson(change.asks)}}`;
}
