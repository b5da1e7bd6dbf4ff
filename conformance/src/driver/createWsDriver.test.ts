import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type WebSocket, WebSocketServer } from "ws";
import { createWsDriver } from "./createWsDriver.js";
import type { Driver } from "./Driver.js";

/** Answers `{id, result: method}` for each request; `script` may answer otherwise. */
type Script = (socket: WebSocket, request: { id: unknown; method: string }, answer: string) => void;

const servers: WebSocketServer[] = [];
const drivers: Driver[] = [];
afterEach(async () => {
  await Promise.all(drivers.splice(0).map((d) => d.close()));
  for (const s of servers.splice(0)) s.close();
});

async function serve(script: Script): Promise<Driver> {
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  servers.push(wss);
  await new Promise<void>((resolve) => wss.once("listening", resolve));
  wss.on("connection", (socket) =>
    socket.on("message", (data) => {
      const request = JSON.parse(data.toString()) as { id: unknown; method: string };
      const answer = JSON.stringify({ jsonrpc: "2.0", id: request.id, result: request.method });
      script(socket, request, answer);
    }),
  );
  const { port } = wss.address() as AddressInfo;
  const driver = await createWsDriver({ url: `ws://127.0.0.1:${port}`, timeoutMs: 2000 });
  drivers.push(driver);
  return driver;
}

describe("createWsDriver", () => {
  it("matches each answer to its request by id", async () => {
    const d = await serve((socket, _request, answer) => socket.send(answer));
    const a = await d.call("public/test", {});
    const b = await d.call("public/get_time", {});
    expect([a.response, b.response]).toMatchObject([
      { id: 1, result: "public/test" },
      { id: 2, result: "public/get_time" },
    ]);
    expect(a.laterAnswers).toBeUndefined();
    expect(a.binaryFrame).toBeUndefined();
  });

  it("keeps a duplicate answer on the request it answers, not on the next one", async () => {
    const d = await serve((socket, request, answer) => {
      socket.send(answer);
      if (request.method === "public/test") socket.send(answer);
    });
    const first = await d.call("public/test", {});
    const next = await d.call("public/get_time", {});
    expect(next.response).toMatchObject({ id: 2, result: "public/get_time" });
    expect(first.laterAnswers).toMatchObject([{ late: false }]);
    expect(JSON.parse(first.laterAnswers![0]!.text)).toMatchObject({ id: 1 });
    expect(next.laterAnswers).toBeUndefined();
    expect(d.strays).toEqual([]);
  });

  it("keeps an answer that comes after the timeout on the timed-out request", async () => {
    // The first request is answered only when the second arrives, just before the second's own answer.
    let held: string | undefined;
    const d = await serve((socket, request, answer) => {
      if (request.method === "public/get_time") {
        held = answer;
        return;
      }
      if (held !== undefined) socket.send(held);
      socket.send(answer);
    });
    const slow = await d.call("public/get_time", {}, { timeoutMs: 50 });
    expect(slow.error).toBe("no WebSocket answer within 50 ms");
    const next = await d.call("public/test", {});
    expect(next.response).toMatchObject({ id: 2, result: "public/test" });
    expect(next.laterAnswers).toBeUndefined();
    expect(slow.laterAnswers).toMatchObject([{ late: true }]);
    expect(JSON.parse(slow.laterAnswers![0]!.text)).toMatchObject({ id: 1 });
  });

  it("still hands an answer with an unknown id to the waiting request, so a wrong id shows", async () => {
    const d = await serve((socket) => socket.send('{"jsonrpc":"2.0","id":99,"result":0}'));
    const a = await d.call("public/test", {});
    expect(a.response).toMatchObject({ id: 99 });
  });

  it("marks an answer that came in a binary frame", async () => {
    const d = await serve((socket, _request, answer) => socket.send(answer, { binary: true }));
    const a = await d.call("public/test", {});
    expect(a.binaryFrame).toBe(true);
    expect(a.response).toMatchObject({ id: 1 });
  });

  it("keeps server notifications apart from answers, numbered in one sequence with them", async () => {
    const note = (n: number) =>
      JSON.stringify({ jsonrpc: "2.0", method: "subscription", params: { channel: "c", data: n } });
    const d = await serve((socket, _request, answer) => {
      socket.send(note(1));
      socket.send(answer);
      socket.send(note(2));
    });
    const a = await d.call("public/test", {});
    expect(a.response).toMatchObject({ id: 1, result: "public/test" });
    expect(a.frame).toBe(1);
    const second = await d.notifications.waitFor(
      (n) => (n.params as { data: number }).data === 2,
      2000,
    );
    expect(second?.frame).toBe(2);
    expect(d.notifications.subscriptions("c").map((n) => [n.frame, n.params.data])).toEqual([
      [0, 1],
      [2, 2],
    ]);
    expect(d.strays).toEqual([]);
  });
});
