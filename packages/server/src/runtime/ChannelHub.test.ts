import { expect, test } from "vitest";
import { BatchState } from "./BatchState.js";
import { type ChannelConnection, ChannelHub } from "./ChannelHub.js";
import { principalsChanged } from "./ChannelSubscribers.js";
import { rawJson } from "./RawJson.js";

/** A connection that keeps the frames and texts it is sent. */
class Connection implements ChannelConnection {
  readonly batch = new BatchState();
  readonly subscriptions = new Map<string, string | undefined>();
  cancelOnDisconnect = false;
  principal: { accountId: number } | undefined;
  readonly out: string[] = [];
  constructor(account?: number) {
    this.principal = account === undefined ? undefined : { accountId: account };
  }
  readonly lingerMs = 0;
  writeAll(data: readonly Buffer[]): void {
    for (const buffer of data) this.writeJoined(buffer);
  }
  writeJoined(data: Buffer): void {
    // Unmasked text frames with payloads under 126 bytes (the test's notifications).
    for (let at = 0; at < data.length; at += 2 + data[at + 1]!)
      this.out.push(data.toString("utf8", at + 2, at + 2 + data[at + 1]!));
  }
  send(text: string): void {
    this.out.push(text);
  }
  sendFrame(frame: Buffer): void {
    this.writeJoined(frame);
  }
  afterAnswer(fn: () => void): boolean {
    fn();
    return true;
  }
}

/** The end of a turn on an idle server: the iteration of its frames, then one that logs nothing. */
const turn = async () => {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => setImmediate(resolve));
};

test("version moves on subscribe, unsubscribe and authentication, and not on a publish", () => {
  const hub = new ChannelHub();
  const a = new Connection(1);
  const seen = [hub.version];
  hub.add(a, "book.BTC-PERPETUAL.raw", undefined);
  seen.push(hub.version);
  hub.publish("book.BTC-PERPETUAL.raw", { n: 1 });
  seen.push(hub.version);
  principalsChanged();
  seen.push(hub.version);
  hub.remove(a, "book.BTC-PERPETUAL.raw");
  seen.push(hub.version);
  expect(seen[1]).not.toBe(seen[0]);
  expect(seen[2]).toBe(seen[1]);
  expect(seen[3]).not.toBe(seen[2]);
  expect(seen[4]).not.toBe(seen[3]);
});

test("RawJson data is spliced as it is, for everyone and for one account alike", async () => {
  const hub = new ChannelHub();
  const anyone = new Connection();
  const mine = new Connection(7);
  const labelled = new Connection(7);
  hub.add(anyone, "trades.X.raw", undefined);
  hub.add(mine, "user.orders.X.raw", undefined);
  hub.add(labelled, "user.orders.X.raw", "L");
  hub.publish("trades.X.raw", rawJson('[{"id":"1"}]'));
  hub.publish("user.orders.X.raw", rawJson('{"id":"2"}'), 7);
  await turn();
  expect(anyone.out).toEqual([
    '{"jsonrpc":"2.0","method":"subscription","params":{"channel":"trades.X.raw","data":[{"id":"1"}]}}',
  ]);
  expect(mine.out).toEqual([
    '{"jsonrpc":"2.0","method":"subscription","params":{"channel":"user.orders.X.raw","data":{"id":"2"}}}',
  ]);
  expect(labelled.out).toEqual([
    '{"jsonrpc":"2.0","method":"subscription","params":{"channel":"user.orders.X.raw","data":{"id":"2"},"label":"L"}}',
  ]);
});
