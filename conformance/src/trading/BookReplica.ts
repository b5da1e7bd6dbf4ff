import { cmpDec, dec, formatDec, isDecimal } from "../core/decimal.js";

/** One side of a book: canonical price -> amount. */
type Side = Map<string, string>;

/**
 * An order book rebuilt from `book.{instrument}.raw` messages: a snapshot, then changes
 * (`new`, `change`, `delete` levels), to compare with `public/get_order_book`.
 */
export class BookReplica {
  readonly bids: Side = new Map();
  readonly asks: Side = new Map();

  /** Applies one message's levels; the problem with a level, if any. */
  apply(data: { bids?: unknown; asks?: unknown }): string | undefined {
    for (const [name, side] of [
      ["bids", this.bids],
      ["asks", this.asks],
    ] as const) {
      const levels = data[name];
      if (!Array.isArray(levels)) return `${name} is not a list`;
      for (const level of levels) {
        if (!Array.isArray(level) || level.length !== 3)
          return `${name} level ${JSON.stringify(level)} is not [action, price, amount]`;
        const [action, price, amount] = level as [unknown, unknown, unknown];
        const p = canonical(price);
        const a = canonical(amount);
        if (p === undefined || a === undefined)
          return `${name} level ${JSON.stringify(level)} has no numeric price and amount`;
        if (action === "delete") side.delete(p);
        else if (action === "new" || action === "change") side.set(p, a);
        else return `${name} level ${JSON.stringify(level)} has action ${JSON.stringify(action)}`;
      }
    }
    return undefined;
  }

  /**
   * The first difference from get_order_book's levels (`[price, amount]`), or undefined when
   * every level agrees. `depth`: how many levels per side the book answer was cut to.
   */
  difference(book: { bids?: unknown; asks?: unknown }, depth: number): string | undefined {
    for (const [name, side, order] of [
      ["bids", this.bids, -1],
      ["asks", this.asks, 1],
    ] as const) {
      const mine = [...side.entries()]
        .filter(([, a]) => a !== "0")
        .sort(([x], [y]) => order * cmpDec(x, y))
        .slice(0, depth);
      const levels = Array.isArray(book[name]) ? (book[name] as unknown[][]) : [];
      const theirs = levels.map((l) => [canonical(l?.[0]), canonical(l?.[1])]);
      const show = (ls: (string | undefined)[][]) =>
        ls.length === 0 ? "none" : ls.map(([p, a]) => `${a} at ${p}`).join(", ");
      if (JSON.stringify(mine) !== JSON.stringify(theirs))
        return `${name}: the notifications give ${show(mine)}; get_order_book shows ${show(theirs)}`;
    }
    return undefined;
  }
}

/** A price or amount (decimal string or JSON number) in one canonical form; undefined if neither. */
export function canonical(value: unknown): string | undefined {
  const text = typeof value === "number" ? String(value) : value;
  if (!isDecimal(text) && !(typeof value === "number" && Number.isFinite(value))) return undefined;
  try {
    return formatDec(dec(typeof value === "number" ? value : (text as string)));
  } catch {
    return undefined;
  }
}
