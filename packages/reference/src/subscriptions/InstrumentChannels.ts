/** The names of one instrument's channels, made once (no string building per command). */
export class InstrumentChannels {
  readonly orders: string;
  readonly trades: string;
  readonly changes: string;
  readonly book: string;
  readonly publicTrades: string;
  /** `book.{instrument}.100ms`. */
  readonly book100ms: string;
  /** `trades.{instrument}.100ms`. */
  readonly publicTrades100ms: string;

  constructor(readonly instrument: string) {
    this.orders = `user.orders.${instrument}.raw`;
    this.trades = `user.trades.${instrument}.raw`;
    this.changes = `user.changes.${instrument}.raw`;
    this.book = `book.${instrument}.raw`;
    this.publicTrades = `trades.${instrument}.raw`;
    this.book100ms = `book.${instrument}.100ms`;
    this.publicTrades100ms = `trades.${instrument}.100ms`;
  }
}
