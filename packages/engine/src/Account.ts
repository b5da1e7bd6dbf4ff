import type { Decimal } from "@unwind/protocol";
import type { OrderBook } from "./OrderBook.js";
import { Position } from "./Position.js";

/** An account as configured: `{id, username, balances: {BTC: "10"}}`. */
export interface AccountConfig {
  id: number;
  username: string;
  balances: Readonly<Record<string, string>>;
  creation_timestamp?: number;
}

/** An account: its balances and its positions, one slot per instrument. */
export class Account {
  private readonly positions: (Position | undefined)[] = [];
  readonly id: number;

  constructor(
    readonly config: AccountConfig,
    readonly balances: ReadonlyMap<string, Decimal>,
  ) {
    this.id = config.id;
  }

  /** The position in the book's instrument (created flat on first use). */
  position(book: OrderBook): Position {
    const i = book.instrument.index;
    let p = this.positions[i];
    if (p === undefined) {
      p = new Position(this, book);
      this.positions[i] = p;
    }
    return p;
  }

  /** The position if one was ever touched. */
  peekPosition(index: number): Position | undefined {
    return this.positions[index];
  }
}
