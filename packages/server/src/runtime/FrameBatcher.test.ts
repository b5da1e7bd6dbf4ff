import { expect, test } from "vitest";
import { textFrame } from "./ChannelHub.js";
import { type BatchedConnection, FrameBatcher } from "./FrameBatcher.js";

/** A connection that records what the batcher writes to it. */
function recorder(): BatchedConnection & { frames: Buffer[]; written: Buffer[] } {
  return {
    frames: [],
    written: [],
    takeFrames() {
      const frames = this.frames;
      this.frames = [];
      return frames;
    },
    writeJoined(data) {
      this.written.push(data);
    },
  };
}

test("a tick's frames leave in one write per connection, joined once for connections with the same frames", async () => {
  const batcher = new FrameBatcher();
  const [a, b, c, d] = [recorder(), recorder(), recorder(), recorder()];
  const book = textFrame('{"book":1}');
  const trades = textFrame('{"trades":1}');
  for (const connection of [a, b, c]) batcher.schedule(connection);
  a.frames.push(book, trades);
  b.frames.push(book, trades);
  c.frames.push(book);
  batcher.schedule(d);
  d.frames.push(book, trades);
  d.takeFrames(); // d answered a call: it wrote its frames itself
  await new Promise((resolve) => process.nextTick(resolve));
  expect(a.written).toHaveLength(1);
  expect(a.written[0]).toEqual(Buffer.concat([book, trades]));
  expect(b.written[0]).toBe(a.written[0]);
  expect(c.written).toEqual([book]);
  expect(d.written).toEqual([]);
});
