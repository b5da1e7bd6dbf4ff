import { addDec, cmpDec, dec, mulDec, subDec } from "../core/decimal.js";
import type { Market } from "../core/RunContext.js";
import type { ForeignBook } from "./ForeignBook.js";

/** How many ticks either side of the base price the trading scenarios may place orders. */
export const BAND_TICKS = 12;

const extreme = (prices: readonly string[], sign: 1 | -1) =>
  prices.reduce<string | undefined>(
    (best, p) => (best === undefined || cmpDec(p, best) * sign > 0 ? p : best),
    undefined,
  );

/**
 * A base price whose band (`BAND_TICKS` ticks either side) lies strictly inside other
 * accounts' spread, so that the suite's orders neither trade with foreign orders nor lose the
 * best price to them: the market's default when it fits, else the middle of the foreign
 * spread, or well clear of a one-sided foreign book. `crowded` says why there is none.
 */
export function chooseBasePrice(
  market: Market,
  foreign: Pick<ForeignBook, "bids" | "asks">,
): { base: string } | { crowded: string } {
  const tick = market.tickSize;
  const band = mulDec(tick, BAND_TICKS);
  const bid = extreme(foreign.bids, 1);
  const ask = extreme(foreign.asks, -1);
  const fits = (base: string) =>
    cmpDec(subDec(base, band), "0") > 0 &&
    (bid === undefined || cmpDec(subDec(base, band), bid) > 0) &&
    (ask === undefined || cmpDec(addDec(base, band), ask) < 0);
  // Foreign prices are on the tick grid (the server enforces it), so sums of ticks stay on it.
  const candidates = [market.basePrice];
  if (bid !== undefined && ask !== undefined) {
    const [spread, t] = [dec(subDec(ask, bid)), dec(tick)];
    const scale = Math.max(spread.scale, t.scale);
    const ticks =
      (spread.units * 10n ** BigInt(scale - spread.scale)) /
      (t.units * 10n ** BigInt(scale - t.scale));
    candidates.push(addDec(bid, mulDec(tick, ticks / 2n)));
  } else if (bid !== undefined) {
    candidates.push(addDec(bid, mulDec(band, 2)));
  } else if (ask !== undefined) {
    candidates.push(subDec(ask, mulDec(band, 2)));
  }
  const base = candidates.find(fits);
  if (base !== undefined) return { base };
  return {
    crowded: `other accounts' orders in ${market.instrument} leave no room for the suite's orders (best foreign bid ${bid ?? "none"}, best foreign ask ${ask ?? "none"}; it needs ${BAND_TICKS} ticks clear either side of its base price, inside their spread)`,
  };
}
