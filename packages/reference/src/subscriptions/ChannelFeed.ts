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
import { IntervalWindow } from "./IntervalWindow.js";
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

/** The `100ms` channels' interval (ms). */
export const INTERVAL_MS = 100;

/** Options of a {@link ChannelFeed}. */
export interface ChannelFeedOptions {
  /** The clock of the `100ms` windows, ms. Default: `performance.now`. */
  readonly now?: () => number;
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
 * The `100ms` channels (`book`, `trades`) gather what the commands did over a window that opens
 * with its first change and closes 100 ms later ({@link IntervalWindow}): one book change (each
 * touched level whose amount differs from what the channel last told) and one list of trades.
 * A window's messages leave once nothing is pending (every command of the window published), at
 * the end of a `publishPending` or from a timer, so no message tells of a command not yet durable.
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
  /** Per instrument, its `100ms` window. */
  private readonly windows: IntervalWindow[];
  /** Instruments whose window holds something, in no order. */
  private readonly open = new Set<number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * A command that a `100ms` channel listens to, with its window open, was not published yet
   * (its journal flush may be under way): no window leaves before its `publishPending`.
   */
  private windowAwaiting = false;
  private readonly now: () => number;
  /** `holdNext` was called: the next outcome is held. */
  private holding = false;
  /** An outcome held for `settle`. */
  private held: Outcome | undefined;

  constructor(
    private readonly engine: Engine,
    options: ChannelFeedOptions = {},
  ) {
    this.channels = engine.books.map((b) => new InstrumentChannels(b.instrument.name));
    this.mirrors = engine.books.map((b) => new BookMirror(b));
    this.windows = engine.books.map((b) => new IntervalWindow(b));
    this.now = options.now ?? (() => performance.now());
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
    if (sink === undefined || (this.pending.length === 0 && !this.windowAwaiting)) return;
    this.windowAwaiting = false;
    const list = this.pending;
    this.pending = [];
    for (const m of this.mirrors) m.published();
    for (const n of list) {
      if (n.account === undefined) sink.publish(n.channel, n.data);
      else sink.publish(n.channel, n.data, n.account);
    }
    if (this.open.size > 0) this.publishIntervals();
  }

  /**
   * Sends the `100ms` messages of every window open for 100 ms or more, unless commands are
   * pending (their `publishPending` sends them then); a timer calls it for the others.
   */
  readonly publishIntervals = (): void => {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const sink = this.sink;
    if (sink === undefined || this.pending.length > 0 || this.windowAwaiting) return;
    const now = this.now();
    let next = Number.POSITIVE_INFINITY;
    for (const index of this.open) {
      const window = this.windows[index]!;
      const due = window.startedAt! + INTERVAL_MS;
      if (due > now) {
        next = Math.min(next, due);
        continue;
      }
      this.open.delete(index);
      this.closeWindow(sink, index, window);
    }
    if (next !== Number.POSITIVE_INFINITY) this.schedule(next - now);
  };

  /** The messages of one instrument's window, which then starts empty. */
  private closeWindow(sink: ChannelSink, index: number, window: IntervalWindow): void {
    const ch = this.channels[index]!;
    if (window.mirror.live) {
      const change = window.mirror.change(this.engine.lastTimestamp, window.bids, window.asks);
      window.mirror.published();
      if (change !== undefined) sink.publish(ch.book100ms, rawJson(bookChangeJson(change)));
    }
    if (window.trades.length > 0)
      sink.publish(ch.publicTrades100ms, rawJson(publicTradesJson(window.trades)));
    window.clear();
  }

  private schedule(ms: number): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(this.publishIntervals, Math.max(1, Math.ceil(ms)));
    this.timer.unref();
  }

  /** The whole book of an instrument for a new `book.{instrument}.raw` subscriber; undefined for an unknown one. */
  bookSnapshot(instrument: string, timestamp: number): BookChange | undefined {
    // A held command's change is built first: the snapshot is then taken before it, and it
    // reaches the new subscriber and the others alike.
    this.settle();
    const book = this.engine.book(instrument);
    if (book === undefined) return undefined;
    return this.mirrors[book.instrument.index]!.snapshot(timestamp);
  }

  /**
   * The snapshot of a new `book.{instrument}.100ms` subscriber: the book as the channel last
   * told it (the book itself when nobody listened); undefined for an unknown instrument.
   */
  bookSnapshot100ms(instrument: string, timestamp: number): BookChange | undefined {
    this.settle();
    const book = this.engine.book(instrument);
    if (book === undefined) return undefined;
    return this.windows[book.instrument.index]!.mirror.told(timestamp);
  }

  /**
   * The next command's outcome is kept for {@link settle} instead of observed when the engine
   * applies it: a caller that listens to nothing gets its answer before the feed builds that
   * command's notifications. They are built from the state right after the command: `settle`
   * runs at the latest before the engine applies another one (`Engine.beforeApply`).
   */
  holdNext(): void {
    this.holding = true;
    this.engine.beforeApply = this.settle;
  }

  /** Ends a {@link holdNext} (whether or not a command was applied); true when one is held. */
  release(): boolean {
    this.holding = false;
    if (this.held !== undefined) return true;
    this.engine.beforeApply = undefined;
    return false;
  }

  /** Builds the notifications of the held command (nothing when none is held). */
  readonly settle = (): void => {
    const out = this.held;
    if (out === undefined) return;
    this.held = undefined;
    this.engine.beforeApply = undefined;
    this.build(out);
  };

  /** The engine's observer: the notifications of one applied command. */
  observe(_command: Command, out: Outcome): void {
    if (this.holding) {
      this.holding = false;
      this.held = out;
      return;
    }
    this.build(out);
  }

  private build(out: Outcome): void {
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
    // A mirror with changes not yet published goes on making changes when nobody listens any
    // more: a subscriber that joins before they are published gets the snapshot before them,
    // then every change from there (`BookMirror.snapshot`), with no gap.
    const wantBook = mirror.live && (wants.book || mirror.unpublishedChanges);
    const wantPublic = wants.publicTrades;
    const wantUser = wants.user;
    if (!wantBook && mirror.live) mirror.drop();
    const window = this.windows[index]!;
    const wantBook100 = wants.book100ms && window.mirror.live;
    if (!wantBook100 && window.mirror.live) window.dropBook();
    const wantPublic100 = wants.publicTrades100ms;
    if (!(wantUser || wantBook || wantPublic || wantBook100 || wantPublic100)) return;
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
    const want100 = wantBook100 || wantPublic100;
    const now = want100 ? this.now() : 0;
    const wantTouch = wantBook || wantBook100;
    const touch = (sell: boolean, price: number) => {
      if (wantBook) (sell ? asks : bids).add(price);
      if (wantBook100) window.touch(sell, price, now);
    };
    const publicTrades: PublicTrade[] = [];
    for (const e of out.events) {
      if (e.type === "trade") {
        const t = e.trade;
        if (t.instrument !== name) continue;
        if (wantTouch) touch(t.direction === "buy", t.price);
        if (wantPublic || wantPublic100) {
          const trade = toPublicTrade(engine, t);
          if (wantPublic) publicTrades.push(trade);
          if (wantPublic100) window.trade(trade, now);
        }
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
        if (wantTouch) touch(order.direction === "sell", order.price);
        if (wantUser) {
          const a = of(e.account);
          if (a.wanted) a.orders.set(order.seq, order);
        }
      }
    }
    if (want100 && window.startedAt !== undefined) {
      this.windowAwaiting = true;
      if (!this.open.has(index)) {
        this.open.add(index);
        this.schedule(INTERVAL_MS);
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
