import type { Engine } from "@unwind/engine";
import { InvalidParamsError } from "@unwind/server";
import type { ChannelSink } from "./subscriptions/ChannelSink.js";

const KIND_CURRENCY = /^user\.(?:orders|trades)\.([^.]+)\.([^.]+)\.raw$/;
const KINDS = ["future", "option", "spot", "future_combo", "option_combo", "any"];
const CURRENCIES = ["BTC", "ETH", "USDC", "USDT", "EURR", "any"];

/**
 * Deribit's per-kind/currency private channels, `user.orders.{kind}.{currency}.raw` and
 * `user.trades.{kind}.{currency}.raw` (`any` for every kind or currency; CCXT's `watchOrders` and
 * `watchMyTrades` subscribe `user.{orders,trades}.any.any.raw`): each notification of an
 * instrument's `user.orders.{instrument}.raw` / `user.trades.{instrument}.raw` is also sent under
 * the names its kind and `base_currency` match. Done as a {@link ChannelSink} around the hub, so
 * the feed is unchanged: it asks whether anyone listens to an instrument channel, and the sum of
 * its names' subscribers answers.
 *
 * @example
 * const kindCurrency = new KindCurrencyChannels(engine);
 * feed.attach(kindCurrency.sink(server.channels));
 * kindCurrency.problem("user.orders.any.XRP.raw"); // InvalidParamsError: unknown currency
 */
export class KindCurrencyChannels {
  /** Instrument channel name -> the kind/currency names that carry its notifications too. */
  private readonly aliases = new Map<string, readonly string[]>();

  constructor(engine: Engine) {
    for (const book of engine.books) {
      const { name, config } = book.instrument;
      for (const what of ["orders", "trades"]) {
        const names: string[] = [];
        for (const kind of ["any", config.kind])
          for (const currency of ["any", config.base_currency])
            names.push(`user.${what}.${kind}.${currency}.raw`);
        this.aliases.set(`user.${what}.${name}.raw`, names);
      }
    }
  }

  /** Whether `channel` is a kind/currency channel name (well formed or not). */
  matches(channel: string): boolean {
    return KIND_CURRENCY.test(channel);
  }

  /** Why a kind/currency channel cannot be subscribed (-32602 on `channels`), or undefined. */
  problem(channel: string): InvalidParamsError | undefined {
    const [, kind, currency] = KIND_CURRENCY.exec(channel) ?? [];
    if (kind === undefined || currency === undefined) return undefined;
    if (!KINDS.includes(kind))
      return new InvalidParamsError({
        param: "channels",
        reason: `unknown kind '${kind}' in '${channel}': expected one of ${KINDS.join(", ")}`,
      });
    if (!CURRENCIES.includes(currency))
      return new InvalidParamsError({
        param: "channels",
        reason: `unknown currency '${currency}' in '${channel}': expected one of ${CURRENCIES.join(", ")}`,
      });
    return undefined;
  }

  /** `inner` (the hub), publishing each instrument notification under its kind/currency names too. */
  sink(inner: ChannelSink): ChannelSink {
    const aliases = this.aliases;
    return {
      get version() {
        return inner.version;
      },
      count(channel: string, account?: number): number {
        // With an account, that account's subscribers only: the feed builds an account's user.*
        // data only when this says one of its connections listens.
        let n = inner.count(channel, account);
        const names = aliases.get(channel);
        if (names !== undefined) for (const a of names) n += inner.count(a, account);
        return n;
      },
      publish(channel: string, data: unknown, account?: number): void {
        const names = aliases.get(channel);
        if (account === undefined) {
          inner.publish(channel, data);
          return;
        }
        inner.publish(channel, data, account);
        if (names !== undefined) for (const a of names) inner.publish(a, data, account);
      },
    };
  }
}
