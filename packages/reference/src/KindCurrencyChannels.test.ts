import { Engine } from "@unwind/engine";
import { expect, test } from "vitest";
import { KindCurrencyChannels } from "./KindCurrencyChannels.js";
import type { ChannelSink } from "./subscriptions/ChannelSink.js";

const accounts = [{ id: 1, username: "u1", balances: { BTC: "10" } }];

/** A sink that keeps what it is sent; `listening` says which channels have a subscriber. */
class RecordingSink implements ChannelSink {
  readonly sent: { channel: string; account: number | undefined }[] = [];
  readonly listening = new Set<string>();
  /** Channel -> the one account listening to it (a channel not here: any account listens). */
  readonly listeningAccount = new Map<string, number>();
  publish(channel: string, _data: unknown, account?: number): void {
    this.sent.push({ channel, account });
  }
  count(channel: string, account?: number): number {
    if (!this.listening.has(channel)) return 0;
    const only = this.listeningAccount.get(channel);
    return account === undefined || only === undefined || only === account ? 1 : 0;
  }
}

function setup(...listening: string[]) {
  const channels = new KindCurrencyChannels(new Engine({ accounts, events: false }));
  const inner = new RecordingSink();
  for (const c of listening) inner.listening.add(c);
  return { channels, inner, sink: channels.sink(inner) };
}

test("an instrument's user.orders notification is published under its kind/currency names too", () => {
  const { inner, sink } = setup();
  sink.publish("user.orders.BTC-PERPETUAL.raw", {}, 1);
  expect(inner.sent).toEqual([
    { channel: "user.orders.BTC-PERPETUAL.raw", account: 1 },
    { channel: "user.orders.any.any.raw", account: 1 },
    { channel: "user.orders.any.BTC.raw", account: 1 },
    { channel: "user.orders.future.any.raw", account: 1 },
    { channel: "user.orders.future.BTC.raw", account: 1 },
  ]);
});

test("count adds the kind/currency names' subscribers; other channels pass through", () => {
  const { sink } = setup("user.trades.any.ETH.raw", "book.ETH-PERPETUAL.raw");
  expect(sink.count("user.trades.ETH-PERPETUAL.raw")).toBe(1);
  expect(sink.count("user.trades.BTC-PERPETUAL.raw")).toBe(0);
  expect(sink.count("book.ETH-PERPETUAL.raw")).toBe(1);
});

test("count with an account counts that account's subscribers only, under every name", () => {
  const { inner, sink } = setup("user.orders.any.any.raw", "user.orders.BTC-PERPETUAL.raw");
  inner.listeningAccount.set("user.orders.any.any.raw", 7);
  inner.listeningAccount.set("user.orders.BTC-PERPETUAL.raw", 7);
  expect(sink.count("user.orders.BTC-PERPETUAL.raw")).toBe(2);
  expect(sink.count("user.orders.BTC-PERPETUAL.raw", 7)).toBe(2);
  // Another account's subscribers do not make the feed build this account's data.
  expect(sink.count("user.orders.BTC-PERPETUAL.raw", 1)).toBe(0);
});

test("public notifications are not aliased", () => {
  const { inner, sink } = setup();
  sink.publish("book.BTC-PERPETUAL.raw", {});
  expect(inner.sent).toEqual([{ channel: "book.BTC-PERPETUAL.raw", account: undefined }]);
});

test("problem: an unknown kind or currency is -32602 on channels, saying what was expected", () => {
  const { channels } = setup();
  expect(channels.matches("user.orders.any.any.raw")).toBe(true);
  expect(channels.matches("user.orders.BTC-PERPETUAL.raw")).toBe(false);
  expect(channels.problem("user.trades.future.ETH.raw")).toBeUndefined();
  expect(channels.problem("user.orders.perp.any.raw")?.data).toEqual({
    param: "channels",
    reason:
      "unknown kind 'perp' in 'user.orders.perp.any.raw': expected one of future, option, spot, future_combo, option_combo, any",
  });
  expect(channels.problem("user.trades.any.btc.raw")?.data).toEqual({
    param: "channels",
    reason:
      "unknown currency 'btc' in 'user.trades.any.btc.raw': expected one of BTC, ETH, USDC, USDT, EURR, any",
  });
});
