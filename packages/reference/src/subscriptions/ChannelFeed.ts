import {
  type Command,
  type Engine,
  type Order,
  type Outcome,
  orderJson,
  toWireOrder,
  toWirePosition,
  toWireTrade,
  type WireOrder,
  type WirePosition,
  type WireTrade,
} from "@unwind/engine";
import { rawJson } from "@unwind/server";
import { type BookChange, BookMirror } from "./BookMirror.js";
import { bookChangeJson } from "./bookChangeJson.js";
import type { ChannelSink } from "./ChannelSink.js";
import { InstrumentChannels } from "./InstrumentChannels.js";
import { type AccountWants, InstrumentWants } from "./InstrumentWants.js";
import type { Notification } from "./Notification.js";
import { publicTradesJson } from "./publicTradesJson.js";
import { type PublicTrade, toPublicTrade } from "./toPublicTrade.js";

/** The `user.changes.{instrument}.raw` data. */
export interface UserChanges {
  instrument_name: string;
  orders: WireOrder[];
  trades: WireTrade[];
  positions: WirePosition[];
}

/** What one command did for one account in one instrument, and which of its channels someone listens to. */
class AccountChanges {
  readonly orders = new Map<number, Order>();
  readonly trades: WireTrade[] = [];
  moved = false;
  constructor(readonly wants: AccountWants) {}
  /** Someone listens to one of the account's channels. */
  get wanted(): boolean {
    return this.wants.orders || this.wants.trades || this.wants.changes;
  }
}

/**
 * Turns each command the engine applies into the notifications of the channels someone listens
 * to (`user.orders`, `user.trades`, `user.changes` per account, `book` and `trades` for
 * everyone), in engine order, with the data the methods answer: an order as
 * `private/get_order_state` shows it after the command, trades as `private/buy` lists them, a
 * position as `private/get_position`. They are computed when the command is applied (the state
 * after it) and held until {@link publishPending}, which the server calls once the command is
 * journaled. Who listens is asked of the sink once per change of its `version`
 * (`InstrumentWants`), so a command in an instrument nobody listens to costs an array read. The
 * `book` and `trades` data, which reach every subscriber, are published as JSON text written by
 * hand (`bookChangeJson`, `publicTradesJson`).
 *
 * @example
 * const feed = new ChannelFeed(engine);
 * feed.attach(server.channels);
 * // after the journal's flush, before the call's answer:
 * feed.publishPending();
 */
export class ChannelFeed {
  private sink: ChannelSink | undefined;
  private readonly channels: InstrumentChannels[];
  private readonly mirrors: BookMirror[];
  /** Per instrument, who listens, as of the sink's version. */
  private readonly wants: (InstrumentWants | undefined)[] = [];
  private pending: Notification[] = [];

  constructor(private readonly engine: Engine) {
    this.channels = engine.books.map((b) => new InstrumentChannels(b.instrument.name));
    this.mirrors = engine.books.map((b) => new BookMirror(b));
  }

  /** Starts feeding `sink`: the engine's events are turned on and every command observed. */
  attach(sink: ChannelSink): void {
    this.sink = sink;
    this.engine.emitEvents = true;
    this.engine.observer = (command, out) => this.observe(command, out);
  }

  /** Notifications computed and not yet published. */
  get pendingCount(): number {
    return this.pending.length;
  }

  /** Publishes every pending notification, in engine order (call once their commands are durable). */
  publishPending(): void {
    const sink = this.sink;
    if (sink === undefined || this.pending.length === 0) return;
    const list = this.pending;
    this.pending = [];
    for (const m of this.mirrors) m.published();
    for (const n of list) {
      if (n.account === undefined) sink.publish(n.channel, n.data);
      else sink.publish(n.channel, n.data, n.account);
    }
  }

  /** The whole book of an instrument for a new `book.{instrument}.raw` subscriber; undefined for an unknown one. */
  bookSnapshot(instrument: string, timestamp: number): BookChange | undefined {
    const book = this.engine.book(instrument);
    if (book === undefined) return undefined;
    return this.mirrors[book.instrument.index]!.snapshot(timestamp);
  }

  /** The engine's observer: the notifications of one applied command. */
  observe(_command: Command, out: Outcome): void {
    const sink = this.sink;
    const events = out.events;
    if (sink === undefined || out.code !== 0 || events.length === 0) return;
    const engine = this.engine;
    // Most commands touch one book; cancel_all may touch several.
    let first = -1;
    let others: Set<number> | undefined;
    for (const e of events) {
      let index: number;
      if (e.type === "trade") index = engine.book(e.trade.instrument)!.instrument.index;
      else if (e.type === "order_placed" || e.type === "position_changed")
        index = engine.book(e.instrument)!.instrument.index;
      else index = engine.orders.get(e.orderId)!.book.instrument.index;
      if (first === -1) first = index;
      else if (index !== first) {
        others ??= new Set();
        others.add(index);
      }
    }
    this.instrument(sink, out, first);
    if (others !== undefined)
      for (const i of others) if (i !== first) this.instrument(sink, out, i);
  }

  /** Who listens to the instrument's channels now (asked again when the sink's version moved). */
  private wantsOf(sink: ChannelSink, index: number): InstrumentWants {
    const version = sink.version;
    let wants = this.wants[index];
    if (wants === undefined || version === undefined || wants.version !== version) {
      wants = new InstrumentWants(sink, this.channels[index]!, version);
      this.wants[index] = wants;
    }
    return wants;
  }

  private instrument(sink: ChannelSink, out: Outcome, index: number): void {
    const ch = this.channels[index]!;
    const mirror = this.mirrors[index]!;
    const wants = this.wantsOf(sink, index);
    const wantBook = wants.book && mirror.live;
    const wantPublic = wants.publicTrades;
    const wantUser = wants.user;
    if (!wantBook && mirror.live) mirror.drop();
    if (!(wantUser || wantBook || wantPublic)) return;
    const engine = this.engine;
    const book = engine.books[index]!;
    const name = book.instrument.name;
    const accounts = new Map<number, AccountChanges>();
    const of = (account: number) => {
      let a = accounts.get(account);
      if (a === undefined) {
        // Only the account's own connections get its user.* notifications: build none for others.
        a = new AccountChanges(wants.account(account));
        accounts.set(account, a);
      }
      return a;
    };
    const bids = new Set<number>();
    const asks = new Set<number>();
    const touch = (sell: boolean, price: number) => (sell ? asks : bids).add(price);
    const publicTrades: PublicTrade[] = [];
    for (const e of out.events) {
      if (e.type === "trade") {
        const t = e.trade;
        if (t.instrument !== name) continue;
        if (wantBook) touch(t.direction === "buy", t.price);
        if (wantPublic) publicTrades.push(toPublicTrade(engine, t));
        if (wantUser) {
          const taker = of(t.takerAccount);
          const maker = of(t.makerAccount);
          if (taker.wanted) taker.orders.set(t.takerSeq, engine.orders.bySeq(t.takerSeq)!);
          if (maker.wanted) maker.orders.set(t.makerSeq, engine.orders.bySeq(t.makerSeq)!);
          if (taker.wants.trades || taker.wants.changes)
            taker.trades.push(toWireTrade(engine, t, "T"));
          if (maker.wants.trades || maker.wants.changes)
            maker.trades.push(toWireTrade(engine, t, "M"));
        }
      } else if (e.type === "position_changed") {
        if (wantUser && e.instrument === name) of(e.account).moved = true;
      } else {
        const order = engine.orders.get(e.orderId)!;
        if (order.book !== book) continue;
        if (wantBook) touch(order.direction === "sell", order.price);
        if (wantUser) {
          const a = of(e.account);
          if (a.wanted) a.orders.set(order.seq, order);
        }
      }
    }
    const timestamp = engine.lastTimestamp;
    const pending = this.pending;
    if (wantBook) {
      const change = mirror.change(timestamp, bids, asks);
      if (change !== undefined)
        pending.push({
          channel: ch.book,
          account: undefined,
          data: rawJson(bookChangeJson(change)),
        });
    }
    if (publicTrades.length > 0)
      pending.push({
        channel: ch.publicTrades,
        account: undefined,
        data: rawJson(publicTradesJson(publicTrades)),
      });
    for (const [account, a] of accounts) {
      if (!a.wanted) continue;
      if (a.wants.orders)
        for (const order of a.orders.values())
          pending.push({ channel: ch.orders, account, data: rawJson(orderJson(order)) });
      if (a.wants.trades && a.trades.length > 0)
        pending.push({ channel: ch.trades, account, data: a.trades });
      if (a.wants.changes) {
        const orders: WireOrder[] = [];
        for (const order of a.orders.values()) orders.push(toWireOrder(order));
        const positions = a.moved
          ? [toWirePosition(book, engine.accounts.get(account)!.peekPosition(index))]
          : [];
        const data: UserChanges = { instrument_name: name, orders, trades: a.trades, positions };
        pending.push({ channel: ch.changes, account, data });
      }
    }
  }
}
