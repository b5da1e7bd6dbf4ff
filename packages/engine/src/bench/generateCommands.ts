import type { AccountConfig } from "../Account.js";
import type { Command } from "../Command.js";
import { Engine } from "../Engine.js";
import { mulberry32 } from "./random.js";

/** Options of {@link generateCommands}. */
export interface GeneratorOptions {
  /** Number of commands (default 1,000,000). */
  count?: number;
  /** Number of accounts, ids 1..n (default 100). */
  accounts?: number;
  seed?: number;
  instrument?: string;
  /** Starting mid price in ticks (default 100,000: 50,000 USD on BTC-PERPETUAL). */
  mid?: number;
  /** Timestamp of the first command (ms); each next one is 1 ms later. */
  startTimestamp?: number;
}

/** A close_position as the engine executed it: a reduce-only GTC limit order (for books without positions). */
export interface CloseOrder {
  orderId: string;
  direction: "buy" | "sell";
  lots: number;
  price: number;
}

/** A generated command stream, with what the engine made of each command in the shadow run. */
export interface GeneratedCommands {
  commands: Command[];
  accounts: AccountConfig[];
  /** Per command: the id of the order it placed (undefined for cancels and rejections). */
  orderIds: (string | undefined)[];
  /** Per command: for a close_position, the order it became (undefined if rejected). */
  closeOrders: (CloseOrder | undefined)[];
}

/** The accounts a stream of `n` accounts uses: ids 1..n, `user<id>`, 10 BTC and 100 ETH each. */
export function benchAccounts(n: number): AccountConfig[] {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    username: `user${i + 1}`,
    balances: { BTC: "10", ETH: "100" },
  }));
}

/**
 * Generates a deterministic stream: ~60% passive limit orders, 25% cancels (of the account's
 * open orders, when it has any), 10% crossing orders (IOC limits and markets), 5% close_position. It runs a shadow engine while generating, so cancels
 * target real order ids and close_position picks accounts that hold a position.
 */
export function generateCommands(options: GeneratorOptions = {}): GeneratedCommands {
  const count = options.count ?? 1_000_000;
  const n = options.accounts ?? 100;
  const instrument = options.instrument ?? "BTC-PERPETUAL";
  const rand = mulberry32(options.seed ?? 42);
  const t0 = options.startTimestamp ?? 1_700_000_000_000;
  const accounts = benchAccounts(n);
  const shadow = new Engine({ accounts, events: false });
  const book = shadow.book(instrument)!;
  const resting: string[][] = Array.from({ length: n + 1 }, () => []);
  const commands: Command[] = [];
  const closeOrders: (CloseOrder | undefined)[] = [];
  const orderIds: (string | undefined)[] = [];
  let mid = options.mid ?? 100_000;
  const int = (k: number) => Math.floor(rand() * k);
  for (let i = 0; i < count; i++) {
    const timestamp = t0 + i;
    const account = 1 + int(n);
    const r = rand();
    let command: Command;
    if (r < 0.25 && resting[account]!.length > 0) {
      // Mostly cancel an order that is still open (the shadow engine knows): like a client would.
      const list = resting[account]!;
      let orderId = "";
      for (let tries = 0; tries < 4 && list.length > 0; tries++) {
        const k = int(list.length);
        orderId = list[k]!;
        list[k] = list[list.length - 1]!;
        list.pop();
        if (shadow.orders.openBySeq(shadow.orderIds.seqOf(orderId)) !== undefined) break;
      }
      command = { type: "cancel", account, orderId, timestamp };
    } else if (r < 0.3) {
      let a = account;
      for (let tries = 0; tries < 4 && shadow.accounts.get(a)!.position(book).size === 0; tries++) {
        a = 1 + int(n);
      }
      const size = shadow.accounts.get(a)!.position(book).size;
      const best = (size > 0 ? book.bids : book.asks).best();
      // Every command of a type gets the same properties in the same order (`price` even when
      // undefined), as a server's parser makes them: one object shape per command type.
      const price =
        rand() < 0.5 && best !== undefined ? best.price + (size > 0 ? 2 : -2) - int(5) : undefined;
      command = { type: "close_position", account: a, instrument, price, timestamp };
    } else {
      const buy = rand() < 0.5;
      if (rand() < 0.02) mid += rand() < 0.5 ? -1 : 1;
      const opp = (buy ? book.asks : book.bids).best();
      const crossing = r >= 0.9 && opp !== undefined;
      let price: number;
      if (crossing) {
        price = opp.price + (buy ? int(4) : -int(4));
      } else {
        price = buy ? mid - 1 - int(int(40) + 1) : mid + 1 + int(int(40) + 1);
        if (opp !== undefined)
          price = buy ? Math.min(price, opp.price - 1) : Math.max(price, opp.price + 1);
      }
      const market = crossing && rand() < 0.3;
      const amount = 1 + int(crossing ? 20 : 10);
      command = {
        type: buy ? "buy" : "sell",
        account,
        instrument,
        amount,
        price: market ? undefined : Math.max(1, price),
        orderType: market ? "market" : "limit",
        timeInForce: crossing ? "immediate_or_cancel" : "good_til_cancelled",
        postOnly: false,
        rejectPostOnly: false,
        reduceOnly: false,
        label: "",
        timestamp,
      };
    }
    commands.push(command);
    const out = shadow.apply(command);
    orderIds.push(command.type !== "cancel" && out.order !== null ? out.order.id : undefined);
    if (command.type === "close_position") {
      const o = out.order;
      closeOrders.push(
        o === null
          ? undefined
          : { orderId: o.id, direction: o.direction, lots: o.amount, price: o.price },
      );
    } else {
      closeOrders.push(undefined);
      if (out.order !== null && out.order.state === "open" && command.type !== "cancel") {
        resting[command.account]!.push(out.order.id);
      }
    }
  }
  return { commands, accounts, orderIds, closeOrders };
}
