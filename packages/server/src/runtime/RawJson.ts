declare const resultType: unique symbol;

/**
 * A handler's result that is already JSON text: the reply builder splices `json` verbatim into the
 * envelope instead of calling `JSON.stringify`. It is for hot methods whose result has a fixed
 * shape that a hand-written serializer prints faster than `JSON.stringify`. The runtime does not
 * parse it again: `json` must be exactly one JSON value, and `T` (a type-only brand) is the result
 * type the text stands for, so the generated `Handlers` accept `RawJson<ClosePositionReturnType>`
 * where they accept `ClosePositionReturnType`, and nothing else.
 */
export class RawJson<T = unknown> {
  declare readonly [resultType]?: T;
  /** One JSON value, e.g. `{"order":{...},"trades":[]}`. */
  readonly json: string;

  constructor(json: string) {
    this.json = json;
  }
}

/**
 * Marks JSON text as a handler's result, spliced into the envelope as it is (see {@link RawJson}).
 *
 * @example
 * closePosition: (params, context) =>
 *   rawJson<ClosePositionReturnType>(myExchange.closePositionJson(context.principal!.accountId, params)),
 */
export function rawJson<T>(json: string): RawJson<T> {
  return new RawJson<T>(json);
}
