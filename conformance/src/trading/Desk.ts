import type { Role } from "../core/Accounts.js";
import { absDec, addDec, cmpDec, mulDec, subDec } from "../core/decimal.js";
import { ForeignActivity } from "../core/ForeignActivity.js";
import type { AccountSession, Market, RunContext } from "../core/RunContext.js";
import { ScenarioError } from "../core/ScenarioError.js";
import { type Exchange, resultOf, wireError } from "../driver/Exchange.js";
import { BAND_TICKS, chooseBasePrice } from "./chooseBasePrice.js";
import { type ForeignBook, foreignLevels } from "./ForeignBook.js";

/** An order as the trading helpers read it (every field the spec's Order has, loosely typed). */
export type WireOrder = Record<string, unknown> & {
  order_id: string;
  order_state?: string;
  amount?: string;
  filled_amount?: string;
  price?: string;
  direction?: string;
  cancel_reason?: string;
  replaced?: boolean;
};

/** The maker and taker logged in, and the market they trade. */
export interface Desk {
  ctx: RunContext;
  maker: AccountSession;
  taker: AccountSession;
  market: Market;
  /**
   * Where this desk trades: the market's base price, or one clear of other accounts' orders
   * (see {@link chooseBasePrice}); scenarios stay within `BAND_TICKS` ticks of it.
   */
  base: string;
  /** Other accounts' orders in the book when the desk opened (its own were cancelled first). */
  foreign: ForeignBook;
  /** Why the desk cannot trade at all (foreign orders leave no room), if so. */
  crowded?: string;
  /** The base price moved by `k` ticks. */
  price(k?: number): string;
  /** `k` lots. */
  lots(k: number): string;
  session(role: Role): AccountSession;
}

/**
 * Logs in both accounts, reads the market, cancels the accounts' open orders and reads what
 * other accounts have in the book, to choose a base price clear of it.
 */
export async function openDesk(ctx: RunContext): Promise<Desk> {
  const [maker, taker, market] = await Promise.all([
    ctx.session("maker"),
    ctx.session("taker"),
    ctx.market(),
  ]);
  const desk: Desk = {
    ctx,
    maker,
    taker,
    market,
    base: market.basePrice,
    foreign: { bids: [], asks: [] },
    price: (k = 0) => addDec(desk.base, mulDec(market.tickSize, k)),
    lots: (k) => mulDec(market.lot, k),
    session: (role) => (role === "maker" ? maker : taker),
  };
  await cancelAll(desk);
  desk.foreign = await readForeign(desk);
  const chosen = chooseBasePrice(market, desk.foreign);
  if ("base" in chosen) desk.base = chosen.base;
  else desk.crowded = chosen.crowded;
  return desk;
}

/** The book's levels that are not the two accounts' open orders. */
export async function readForeign(desk: Desk): Promise<ForeignBook> {
  const exchange = await desk.maker.call("public/get_order_book", {
    instrument_name: desk.market.instrument,
    depth: 4 * BAND_TICKS,
  });
  const book = must<{ bids?: unknown; asks?: unknown }>(exchange, "get_order_book");
  const own = { bids: [] as string[], asks: [] as string[] };
  for (const who of [desk.maker, desk.taker]) {
    for (const o of (await openOrders(desk, who)).orders) {
      if (typeof o.price === "string") (o.direction === "sell" ? own.asks : own.bids).push(o.price);
    }
  }
  return foreignLevels(book ?? {}, own, exchange);
}

/**
 * Why the desk's last steps may have met other accounts' orders, if they may have: a foreign
 * level now in or across the desk's band.
 */
export async function disturbance(desk: Desk): Promise<ForeignActivity | undefined> {
  const foreign = await readForeign(desk);
  const low = desk.price(-BAND_TICKS);
  const high = desk.price(BAND_TICKS);
  const bids = foreign.bids.filter((p) => cmpDec(p, low) >= 0);
  const asks = foreign.asks.filter((p) => cmpDec(p, high) <= 0);
  if (bids.length === 0 && asks.length === 0) return undefined;
  return new ForeignActivity(
    `other accounts' orders appeared where the scenario trades (${desk.market.instrument} around ${desk.base}: ${[
      ...bids.map((p) => `bid ${p}`),
      ...asks.map((p) => `ask ${p}`),
    ].join(", ")})`,
    foreign.exchange,
  );
}

/** The result of a call that a scenario's setup needs; a {@link ScenarioError} otherwise. */
export function must<T = any>(exchange: Exchange, what: string): T {
  if (
    wireError(exchange) !== undefined ||
    exchange.error !== undefined ||
    exchange.response === undefined
  ) {
    throw new ScenarioError(`${what} failed`, exchange);
  }
  return resultOf<T>(exchange);
}

/** Places a limit order; its result `{order, trades}`. */
export async function place(
  desk: Desk,
  who: AccountSession,
  direction: "buy" | "sell",
  amount: string,
  price: string,
  extra: Record<string, unknown> = {},
): Promise<{ order: WireOrder; trades: Record<string, unknown>[]; exchange: Exchange }> {
  const exchange = await who.call(`private/${direction}`, {
    instrument_name: desk.market.instrument,
    amount,
    price,
    type: "limit",
    ...extra,
  });
  const r = must<{ order: WireOrder; trades: Record<string, unknown>[] }>(
    exchange,
    `${who.role} ${direction} ${amount} at ${price}`,
  );
  return { ...r, exchange };
}

/**
 * The signed position size of an account in the desk's instrument; with `byDirection` (for
 * cleaning up, not judging) a positive size of a `sell` position counts as short.
 */
export async function positionSize(
  desk: Desk,
  who: AccountSession,
  byDirection = false,
): Promise<string> {
  const exchange = await who.call("private/get_position", {
    instrument_name: desk.market.instrument,
  });
  const p = must<{ size?: unknown; direction?: unknown }>(exchange, `${who.role} get_position`);
  if (typeof p?.size !== "string")
    throw new ScenarioError(`${who.role}'s position has no size`, exchange);
  if (byDirection && p.direction === "sell" && cmpDec(p.size, "0") > 0) return `-${p.size}`;
  return p.size;
}

/** An order as its owner reads it. */
export async function orderState(
  who: AccountSession,
  orderId: string,
): Promise<{ order: WireOrder; exchange: Exchange }> {
  const exchange = await who.call("private/get_order_state", { order_id: orderId });
  return { order: must<WireOrder>(exchange, `${who.role} get_order_state ${orderId}`), exchange };
}

/** The account's open orders in the desk's instrument. */
export async function openOrders(
  desk: Desk,
  who: AccountSession,
): Promise<{ orders: WireOrder[]; exchange: Exchange }> {
  const exchange = await who.call("private/get_open_orders_by_instrument", {
    instrument_name: desk.market.instrument,
  });
  const list = must<WireOrder[]>(exchange, `${who.role} get_open_orders_by_instrument`);
  if (!Array.isArray(list))
    throw new ScenarioError(`${who.role}'s open orders are not a list`, exchange);
  return { orders: list, exchange };
}

/**
 * Puts `role` in a position: the other account rests the opposite order at `price`, and
 * `role` takes it.
 */
export async function openPosition(
  desk: Desk,
  role: Role,
  direction: "buy" | "sell",
  amount: string,
  price = desk.price(),
): Promise<void> {
  const me = desk.session(role);
  const other = desk.session(role === "maker" ? "taker" : "maker");
  const before = await positionSize(desk, me);
  await place(desk, other, direction === "buy" ? "sell" : "buy", amount, price);
  await place(desk, me, direction, amount, price);
  const after = await positionSize(desk, me);
  const want = direction === "buy" ? addDec(before, amount) : subDec(before, amount);
  if (cmpDec(after, want) !== 0) {
    throw new ScenarioError(
      `setup: ${role}'s position is ${after} after trading ${direction} ${amount}, expected ${want}`,
    );
  }
}

/** Cancels every open order of both accounts in the desk's instrument. */
export async function cancelAll(desk: Desk): Promise<void> {
  for (const who of [desk.maker, desk.taker]) {
    for (const o of (await openOrders(desk, who)).orders) {
      // A list that shows orders no longer open is open-orders-listing's to judge; cancelling
      // them would only answer 11044 and stop the scenario before it judges anything.
      if (o.order_state !== undefined && o.order_state !== "open") continue;
      const exchange = await who.call("private/cancel", { order_id: o.order_id });
      must(exchange, `${who.role} cancel ${o.order_id}`);
    }
  }
}

/**
 * Leaves both accounts with no open order and the taker flat, trading it against the maker:
 * the maker is then flat too, unless other accounts traded with the two (its position is what
 * they left). Scenarios call it before and after, so that they do not depend on their order.
 */
export async function flatten(desk: Desk): Promise<void> {
  await cancelAll(desk);
  for (let round = 0; round < 3; round++) {
    const size = await positionSize(desk, desk.taker, true);
    if (cmpDec(size, "0") === 0) return;
    const amount = absDec(size);
    const long = cmpDec(size, "0") > 0;
    await place(desk, desk.maker, long ? "buy" : "sell", amount, desk.price());
    await place(desk, desk.taker, long ? "sell" : "buy", amount, desk.price());
    await cancelAll(desk);
  }
  throw new ScenarioError("could not flatten the taker's position");
}

/**
 * Runs a trading scenario body between two flattenings, at a base price clear of other
 * accounts' orders; throws {@link ForeignActivity} when there is no such price, or when
 * foreign orders turned up in the desk's band by the end of the body.
 */
export async function withDesk(
  ctx: RunContext,
  body: (desk: Desk) => Promise<void>,
): Promise<void> {
  const desk = await openDesk(ctx);
  if (desk.crowded !== undefined) throw new ForeignActivity(desk.crowded, desk.foreign.exchange);
  await flatten(desk);
  let failed = false;
  let failure: unknown;
  try {
    await body(desk);
  } catch (error) {
    failed = true;
    failure = error;
  }
  const foreign = await disturbance(desk).catch(() => undefined);
  if (failed || foreign !== undefined) await flatten(desk).catch(() => {});
  else await flatten(desk);
  if (foreign !== undefined) throw foreign;
  if (failed) throw failure;
}
