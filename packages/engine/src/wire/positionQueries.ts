import type { Engine } from "../Engine.js";
import { ResultCode } from "../ResultCode.js";
import { type EdgeResult, edgeError } from "./EdgeResult.js";
import { type Params, parseBook, readFilters } from "./parseParams.js";
import { toWirePosition, type WirePosition } from "./toWirePosition.js";

/** private/get_position: the account's position in one instrument (zero-size when flat). */
export function getPosition(
  engine: Engine,
  account: number,
  params: Params,
): EdgeResult<WirePosition> {
  const book = parseBook(engine, params);
  if (!book.ok) return book;
  const a = engine.accounts.get(account);
  if (a === undefined) return edgeError(ResultCode.UNAUTHORIZED);
  return {
    ok: true,
    result: toWirePosition(book.value, a.peekPosition(book.value.instrument.index)),
  };
}

/** private/get_positions: one position per instrument of the currency (or "any") and kind. */
export function getPositions(
  engine: Engine,
  account: number,
  params: Params,
): EdgeResult<WirePosition[]> {
  const a = engine.accounts.get(account);
  if (a === undefined) return edgeError(ResultCode.UNAUTHORIZED);
  const { currency, kind } = readFilters(params);
  const result: WirePosition[] = [];
  for (const book of engine.books) {
    const c = book.instrument.config;
    if (currency !== undefined && currency !== "any" && c.base_currency !== currency) continue;
    if (kind !== undefined && c.kind !== kind) continue;
    result.push(toWirePosition(book, a.peekPosition(book.instrument.index)));
  }
  return { ok: true, result };
}
