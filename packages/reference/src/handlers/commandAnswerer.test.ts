import { Engine, placeOrderJson } from "@unwind/engine";
import { RawJson, type RequestContext } from "@unwind/server";
import { describe, expect, it } from "vitest";
import type { Journal } from "../journal/Journal.js";
import { MemoryJournal } from "../journal/MemoryJournal.js";
import type { BookChange } from "../subscriptions/BookMirror.js";
import { ChannelFeed } from "../subscriptions/ChannelFeed.js";
import type { ChannelSink } from "../subscriptions/ChannelSink.js";
import { settleJson } from "./answer.js";
import { commandAnswerer } from "./commandAnswerer.js";

const BTC = "BTC-PERPETUAL";
const BOOK = `book.${BTC}.raw`;
const accounts = [1, 2].map((id) => ({ id, username: `u${id}`, balances: { BTC: "10" } }));

/** Everyone listens to the book; `sent` keeps the book changes published, in order. */
class BookSink implements ChannelSink {
  readonly sent: BookChange[] = [];
  publish(_channel: string, data: unknown): void {
    this.sent.push(JSON.parse((data as RawJson).json) as BookChange);
  }
  count(channel: string): number {
    return channel === BOOK ? 1 : 0;
  }
}

/**
 * The caller's connection: `afterAnswer` keeps what should run after the answer (`inCall`: as in
 * a call's synchronous part), which `answered` runs.
 */
function connection(subscriptions: string[] = [], inCall = true) {
  const after: (() => void)[] = [];
  const conn = {
    subscriptions: new Map(subscriptions.map((s) => [s, undefined])),
    afterAnswer(fn: () => void) {
      after.push(fn);
      return inCall;
    },
  };
  const context = { principal: { accountId: 1 }, connection: conn } as unknown as RequestContext;
  const answered = () => {
    for (const fn of after.splice(0)) fn();
  };
  return { context, answered };
}

function setup(journal: Journal = new MemoryJournal()) {
  const engine = new Engine({ accounts, events: false });
  const feed = new ChannelFeed(engine);
  const sink = new BookSink();
  feed.attach(sink);
  // The subscriber's snapshot: the book channel's changes follow it.
  feed.bookSnapshot(BTC, 0);
  const command = commandAnswerer(journal, feed);
  const sell = (context: RequestContext, price: string, amount = "10") =>
    command(context, () =>
      settleJson(placeOrderJson(engine, 2, "sell", { instrument_name: BTC, price, amount }, 1000)),
    );
  return { engine, feed, sink, sell };
}

describe("commandAnswerer", () => {
  it("answers a caller that listens to nothing first, and publishes its command's notifications right after the answer", () => {
    const { feed, sink, sell } = setup();
    const { context, answered } = connection();
    const answer = sell(context, "50000");
    expect(answer).toBeInstanceOf(RawJson);
    // Not even built yet: the feed builds them after the answer went.
    expect([sink.sent.length, feed.pendingCount]).toEqual([0, 0]);
    answered();
    expect(sink.sent.map((c) => c.asks)).toEqual([[["new", "50000", "10"]]]);
    // The next command's change follows in the chain.
    sell(context, "50000", "20");
    answered();
    expect(sink.sent[1]).toMatchObject({ asks: [["change", "50000", "30"]] });
    expect(sink.sent[1]!.prev_change_id).toBe(sink.sent[0]!.change_id);
  });

  it("publishes before answering a caller that is subscribed, so its notifications go first", () => {
    const { sink, sell } = setup();
    const { context } = connection([BOOK]);
    sell(context, "50000");
    expect(sink.sent).toHaveLength(1);
  });

  it("publishes before answering over HTTP (no connection)", () => {
    const { sink, sell } = setup();
    sell({ principal: { accountId: 2 } } as unknown as RequestContext, "50000");
    expect(sink.sent).toHaveLength(1);
  });

  it("publishes at once when the connection cannot run it right after the answer", () => {
    const { sink, sell } = setup();
    const { context, answered } = connection([], false);
    sell(context, "50000");
    expect(sink.sent).toHaveLength(1);
    // What the connection ran later finds nothing left to publish.
    answered();
    expect(sink.sent).toHaveLength(1);
  });

  it("builds the notifications from the state right after the command when the journal is still flushing", async () => {
    let release = () => {};
    const journal: Journal = {
      append: () => {},
      flush: () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
      close: async () => {},
    };
    const { engine, sink, sell } = setup(journal);
    const { context } = connection();
    const answered = sell(context, "50000");
    expect(answered).toBeInstanceOf(Promise);
    // Another command before the flush ends: the first one's change still tells 10, not 30.
    placeOrderJson(engine, 2, "sell", { instrument_name: BTC, price: "50000", amount: "20" }, 1001);
    expect(sink.sent).toEqual([]);
    release();
    await answered;
    expect(sink.sent[0]).toMatchObject({ asks: [["new", "50000", "10"]] });
  });
});
