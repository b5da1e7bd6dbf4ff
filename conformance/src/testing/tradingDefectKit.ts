import type { Handler, ReferenceHandlers, WrapContext } from "@unwind/reference";
import { RawJson, RpcError } from "@unwind/server";

type Obj = Record<string, any>;
type Engine = WrapContext["engine"];

/** A handler's rejection: an `RpcError` returned as its answer. */
export const rejected = (answer: unknown): answer is RpcError => answer instanceof RpcError;

/** A handler's result as an object: the JSON text of a `RawJson` answer parsed. */
export const plain = (answer: unknown): any =>
  answer instanceof RawJson ? JSON.parse(answer.json) : answer;

/**
 * The reference's handlers with some methods' results rewritten by `fn` (the result, the
 * params and the call's context): the handler wrapper of a broken server.
 */
export const rewriteResults =
  (methods: string[], fn: (result: any, params: Obj, context: unknown) => unknown) =>
  (handlers: ReferenceHandlers): ReferenceHandlers => {
    const out = { ...handlers };
    for (const m of methods) {
      const original = handlers[m]!;
      out[m] = (async (p, c) => {
        const answer = await original(p, c);
        return rejected(answer) ? answer : fn(plain(answer), p, c);
      }) as Handler;
    }
    return out;
  };

/** Applies `fn` to every object inside a value, depth first. */
export function walkObjects(value: unknown, fn: (o: Obj) => void): void {
  if (Array.isArray(value)) for (const v of value) walkObjects(v, fn);
  else if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) walkObjects(v, fn);
    fn(value as Obj);
  }
}

/** The reference's handlers with every object in some methods' results edited by `fn`. */
export const editResults = (methods: string[], fn: (o: Obj) => void) =>
  rewriteResults(methods, (result) => {
    walkObjects(result, fn);
    return result;
  });

/** Every order object inside a result (an order, `{order, trades}`, a list of orders). */
export function ordersIn(result: unknown): Obj[] {
  if (Array.isArray(result)) return result.filter((o) => o && typeof o === "object");
  if (result && typeof result === "object") {
    const r = result as Obj;
    if (r["order"] && typeof r["order"] === "object") return [r["order"]];
    if ("order_id" in r) return [r];
  }
  return [];
}

/**
 * A position keeper that re-weights the average price with every fill, reducing ones too (as
 * if a sell added to a long at its price): patches each account's position in each book of
 * the engine.
 */
export function reweightAverageOnReduce(engine: Engine): void {
  for (const account of engine.accounts.list()) {
    for (const book of engine.books) {
      const position = account.position(book);
      const fill = position.fill.bind(position);
      position.fill = (direction, lots, price) => {
        const size = position.size;
        const held = Math.abs(size);
        const reducing = size !== 0 && size > 0 !== (direction === "buy");
        const [num, den] = position.average().map(Number) as [number, number];
        fill(direction, lots, price);
        if (reducing && lots < held) {
          position.avgNum = num * held + price * lots * den;
          position.avgDen = den * (held + lots);
        }
      };
    }
  }
}

const M = 10n ** 18n;
const D = 12_345_678_901n;

/**
 * Orders numbered by a hash of the engine's sequence (`10^18 - n * 12345678901`): unique
 * 18-digit ids, but each one smaller than the one before. Every `order_id` in a result is
 * mapped out, and mapped back in a request's params.
 */
export function scrambledOrderIds(handlers: ReferenceHandlers): ReferenceHandlers {
  const outward = (id: string) => String(M - BigInt(id) * D);
  const inward = (id: string) => {
    const n = M - BigInt(id);
    return n > 0n && n % D === 0n ? String(n / D) : "999999999999";
  };
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) visit(v);
    else if (value && typeof value === "object") {
      const o = value as Obj;
      for (const v of Object.values(o)) visit(v);
      if (typeof o["order_id"] === "string" && /^[0-9]+$/.test(o["order_id"]))
        o["order_id"] = outward(o["order_id"]);
    }
  };
  const wrapped: ReferenceHandlers = {};
  for (const [method, handler] of Object.entries(handlers)) {
    wrapped[method] = (async (p: Obj, c) => {
      const id = p?.["order_id"];
      const params =
        typeof id === "string" && /^[0-9]+$/.test(id) ? { ...p, order_id: inward(id) } : p;
      const answer = await handler(params, c);
      if (rejected(answer)) return answer;
      const result = plain(answer);
      visit(result);
      return result;
    }) as Handler;
  }
  return wrapped;
}
