/** The names of one instrument's channels, made once (no string building per command). */
export class InstrumentChannels {
  readonly orders: string;
  readonly trades: string;
  readonly changes: string;
  readonly book: string;
  readonly publicTrades: string;

  constructor(readonly instrument: string) {
    this.orders = `user.orders.${instrument}.raw`;
    this.trades = `user.trades.${instrument}.raw`;
    this.changes = `user.changes.${instrument}.raw`;
    this.book = `book.${instrument}.raw`;
    this.publicTrades = `trades.${instrument}.raw`;
  }
}
