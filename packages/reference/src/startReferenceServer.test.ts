import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultInstruments } from "@unwind/engine";
import { type RawJson, RpcError } from "@unwind/server";
import { describe, expect, test } from "vitest";
import { WebSocket } from "ws";
import { MemoryJournal } from "./journal/MemoryJournal.js";
import { startReferenceServer } from "./startReferenceServer.js";
import { BOB, basic, post } from "./testing/rpc.test-helpers.js";

describe("startReferenceServer", () => {
  test("starts in memory on a free port with URLs for every transport", async () => {
    const server = await startReferenceServer({ log: () => {} });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.rpcUrl).toBe(`${server.url}/api/v2`);
    expect(server.wsUrl).toBe(`ws://127.0.0.1:${server.port}/ws/api/v2`);
    expect(server.engine.accounts.list().map((a) => a.id)).toEqual([101, 102, 103, 104]);
    await server.close();
  });

  test("wrapHandlers replaces one method by name; the others stay", async () => {
    const server = await startReferenceServer({
      log: () => {},
      wrapHandlers: (handlers, { engine }) => ({
        ...handlers,
        "public/test": () => ({ version: `broken-${engine.instruments.length}` }),
      }),
    });
    expect((await post(server.url, "public/test")).result).toEqual({ version: "broken-3" });
    expect((await post(server.url, "public/get_currencies")).result).toHaveLength(2);
    await server.close();
    await expect(startReferenceServer({ log: () => {}, wrapHandlers: () => ({}) })).rejects.toThrow(
      "wrapHandlers left no handler for private/close_position",
    );
  });

  test("wrapHandlers sees what is served: JSON text for buy, sell and close, rejections as values", async () => {
    const seen: unknown[] = [];
    const server = await startReferenceServer({
      log: () => {},
      wrapHandlers: (handlers) => ({
        ...handlers,
        "private/close_position": async (p, c) => {
          const answer = await handlers["private/close_position"]!(p, c);
          if (answer instanceof RpcError) seen.push(answer.data);
          return answer;
        },
        "private/sell": async (p, c) => {
          const answer = (await handlers["private/sell"]!(p, c)) as RawJson;
          seen.push(JSON.parse(answer.json).order.label);
          return answer;
        },
      }),
    });
    const order = { instrument_name: "BTC-PERPETUAL", amount: "10", price: "100" };
    const sold = await post(server.url, "private/sell", { ...order, label: 'x"y' }, basic(BOB));
    const bought = await post(server.url, "private/buy", { ...order, label: "\\u" }, basic(BOB));
    const closed = await post(
      server.url,
      "private/close_position",
      { instrument_name: "BTC-PERPETUAL", type: "limit" },
      basic(BOB),
    );
    expect(seen).toEqual(['x"y', { reason: "no_open_position" }]);
    expect(sold.result.order.label).toBe('x"y');
    expect(bought.result.order.label).toBe("\\u");
    expect(bought.result.trades).toEqual([]); // self-trade: bob's own ask was cancelled
    expect(closed.error?.code).toBe(11030);
    await server.close();
  });

  test("close() logs the requests a WebSocket peer that stopped reading never got", async () => {
    const lines: string[] = [];
    const big = { version: "x".repeat(256 * 1024) };
    const server = await startReferenceServer({
      log: (line) => lines.push(line),
      limits: { wsHighWaterMarkBytes: 64 * 1024, shutdownGraceMs: 200 },
      wrapHandlers: (handlers) => ({ ...handlers, "public/test": () => big }),
    });
    const socket = new WebSocket(server.wsUrl);
    await new Promise((resolve) => socket.once("open", resolve));
    socket.pause();
    for (let id = 1; id <= 60; id++) {
      socket.send(JSON.stringify({ jsonrpc: "2.0", id, method: "public/test" }));
    }
    // A wall-clock quiet period on purpose: the server must have stopped answering (back-pressure),
    // an absence of events that no event announces.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.close();
    expect(lines).toEqual([
      expect.stringMatching(
        /^shutdown: \d+ request\(s\) left unanswered \(a WebSocket peer did not read/,
      ),
    ]);
    socket.terminate();
  }, 30_000);

  test("a retaining MemoryJournal sees every applied command", async () => {
    const journal = new MemoryJournal({ retain: true });
    const server = await startReferenceServer({ log: () => {}, journal });
    const order = { instrument_name: "BTC-PERPETUAL", amount: "10", price: "100" };
    await post(server.url, "private/buy", order, basic(BOB));
    await post(server.url, "private/buy", { ...order, price: "0.25" }, basic(BOB));
    await server.close();
    // The second order is rejected at the edge (wrong tick): no command reached the engine.
    expect(journal.commands).toEqual([
      expect.objectContaining({
        type: "buy",
        account: 102,
        instrument: "BTC-PERPETUAL",
        price: 200,
      }),
    ]);
  });

  test("instruments come from a file; currencies the spec does not list are refused", async () => {
    const dir = mkdtempSync(join(tmpdir(), "unwind-instruments-"));
    const file = join(dir, "instruments.json");
    writeFileSync(file, JSON.stringify({ instruments: [defaultInstruments[1]] }));
    const server = await startReferenceServer({ log: () => {}, instruments: file });
    const listed = await post(server.url, "public/get_instruments");
    expect(listed.result.map((i: { instrument_name: string }) => i.instrument_name)).toEqual([
      "ETH-PERPETUAL",
    ]);
    await server.close();
    const doge = {
      ...defaultInstruments[1]!,
      instrument_name: "DOGE-PERPETUAL",
      base_currency: "DOGE",
    };
    writeFileSync(file, JSON.stringify([doge]));
    await expect(startReferenceServer({ log: () => {}, instruments: file })).rejects.toThrow(
      `[0].base_currency: expected one of the spec's currencies BTC, ETH, USDC, USDT, EURR, but got "DOGE"`,
    );
  });
});
