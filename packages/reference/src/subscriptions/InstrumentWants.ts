import type { ChannelSink } from "./ChannelSink.js";
import type { InstrumentChannels } from "./InstrumentChannels.js";

/** Which of one account's user.* channels of an instrument someone (of that account) listens to. */
export interface AccountWants {
  readonly orders: boolean;
  readonly trades: boolean;
  readonly changes: boolean;
}

const NOBODY: AccountWants = { orders: false, trades: false, changes: false };

/**
 * Which channels of one instrument someone listens to, asked of the sink once per
 * {@link ChannelSink.version} instead of on every command (with the kind/currency names, 18
 * lookups a command). An account's answers are asked on its first trade or order event.
 */
export class InstrumentWants {
  readonly orders: boolean;
  readonly trades: boolean;
  readonly changes: boolean;
  readonly book: boolean;
  readonly publicTrades: boolean;
  /** Someone listens to `book.{instrument}.100ms`. */
  readonly book100ms: boolean;
  /** Someone listens to `trades.{instrument}.100ms`. */
  readonly publicTrades100ms: boolean;
  readonly #accounts = new Map<number, AccountWants>();

  constructor(
    private readonly sink: ChannelSink,
    private readonly channels: InstrumentChannels,
    /** The sink's version these answers hold for (undefined: one command only). */
    readonly version: number | undefined,
  ) {
    this.orders = sink.count(channels.orders) > 0;
    this.trades = sink.count(channels.trades) > 0;
    this.changes = sink.count(channels.changes) > 0;
    this.book = sink.count(channels.book) > 0;
    this.publicTrades = sink.count(channels.publicTrades) > 0;
    this.book100ms = sink.count(channels.book100ms) > 0;
    this.publicTrades100ms = sink.count(channels.publicTrades100ms) > 0;
  }

  /** Someone listens to a user.* channel of the instrument (of any account). */
  get user(): boolean {
    return this.orders || this.trades || this.changes;
  }

  /** The account's own listeners: only its connections get its user.* notifications. */
  account(account: number): AccountWants {
    let wants = this.#accounts.get(account);
    if (wants === undefined) {
      const { sink, channels } = this;
      const orders = this.orders && sink.count(channels.orders, account) > 0;
      const trades = this.trades && sink.count(channels.trades, account) > 0;
      const changes = this.changes && sink.count(channels.changes, account) > 0;
      wants = orders || trades || changes ? { orders, trades, changes } : NOBODY;
      this.#accounts.set(account, wants);
    }
    return wants;
  }
}
