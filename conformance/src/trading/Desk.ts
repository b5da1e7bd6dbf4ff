import type { Role } from "../core/Accounts.js";
import { absDec, addDec, cmpDec, mulDec, subDec } from "../core/decimal.js";
import type { AccountSession, Market, RunContext } from "../core/RunContext.js";
import { ScenarioError } from "../core/ScenarioError.js";
import { type Exchange, resultOf, wireError } from "../driver/Exchange.js";

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
  /** The base price moved by `k` ticks. */
  price(k?: number): string;
  /** `k` lots. */
  lots(k: number): string;
  session(role: Role): AccountSession;
}

/** Logs in both accounts and reads the market. */
export async function openDesk(ctx: RunContext): Promise<Desk> {
  const [maker, taker, market] = await Promise.all([
    ctx.session("maker"),
    ctx.session("taker"),
    ctx.market(),
  ]);
  return {
    ctx,
    maker,
    taker,
    market,
    price: (k = 0) => addDec(market.basePrice, mulDec(market.tickSize, k)),
    lots: (k) => mulDec(market.lot, k),
    session: (role) => (role === "maker" ? maker : taker),
  };
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

/** The signed position size of an account in the desk's instrument. */
export async function positionSize(desk: Desk, who: AccountSession): Promise<string> {
  const exchange = await who.call("private/get_position", {
    instrument_name: desk.market.instrument,
  });
  const p = must<{ size?: unknown }>(exchange, `${who.role} get_position`);
  if (typeof p?.size !== "string")
    throw new ScenarioError(`${who.role}'s position has no size`, exchange);
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
      const exchange = await who.call("private/cancel", { order_id: o.order_id });
      must(exchange, `${who.role} cancel ${o.order_id}`);
    }
  }
}

/**
 * Leaves both accounts with no open order and a flat position, trading them against each
 * other; scenarios call it before and after, so that they do not depend on their order.
 */
export async function flatten(desk: Desk): Promise<void> {
  await cancelAll(desk);
  for (let round = 0; round < 4; round++) {
    const sizes = {
      maker: await positionSize(desk, desk.maker),
      taker: await positionSize(desk, desk.taker),
    };
    const role = (["taker", "maker"] as const).find((r) => cmpDec(sizes[r], "0") !== 0);
    if (role === undefined) return;
    const size = sizes[role];
    const me = desk.session(role);
    const other = desk.session(role === "maker" ? "taker" : "maker");
    const amount = absDec(size);
    const long = cmpDec(size, "0") > 0;
    await place(desk, other, long ? "buy" : "sell", amount, desk.price());
    await place(desk, me, long ? "sell" : "buy", amount, desk.price());
    await cancelAll(desk);
  }
  throw new ScenarioError("could not flatten the accounts' positions");
}

/** Runs a trading scenario body between two flattenings. */
export async function withDesk(
  ctx: RunContext,
  body: (desk: Desk) => Promise<void>,
): Promise<void> {
  const desk = await openDesk(ctx);
  await flatten(desk);
  try {
    await body(desk);
  } catch (error) {
    await flatten(desk).catch(() => {});
    throw error;
  }
  await flatten(desk);
}
