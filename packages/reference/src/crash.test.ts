import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Engine, getOrderState } from "@unwind/engine";
import { describe, expect, test } from "vitest";
import { readJournalDir } from "./journal/readJournalDir.js";
import { startReferenceServer } from "./startReferenceServer.js";
import { ALICE, BOB, CAROL, WsClient } from "./testing/rpc.test-helpers.js";
import { spawnCli } from "./testing/spawnCli.test-helpers.js";

const DAVE = { id: "dave-key", secret: "dave-secret-TEST-ONLY", account: 104 };
const KEYS = [ALICE, BOB, CAROL, DAVE];

interface Answered {
  account: number;
  orderId: string;
}

/** Keeps `window` orders in flight per client until `stop()`; records every answered order. */
function burst(clients: WsClient[], window: number) {
  const answered: Answered[] = [];
  let stopped = false;
  let sent = 0;
  let waiter: { count: number; resolve: () => void } | undefined;
  clients.forEach((client, k) => {
    let inFlight = 0;
    const send = (): void => {
      while (!stopped && inFlight < window) {
        inFlight++;
        const i = sent++;
        const side = (i + k) % 2 === 0 ? "private/buy" : "private/sell";
        const price = 50_000 + ((i * 7919) % 21) - 10;
        void client
          .call(side, { instrument_name: "BTC-PERPETUAL", amount: "10", price: String(price) })
          .then((res) => {
            inFlight--;
            if (res.result !== undefined) {
              answered.push({ account: KEYS[k]!.account, orderId: res.result.order.order_id });
              if (waiter && answered.length >= waiter.count) waiter.resolve();
            }
            send();
          });
      }
    };
    send();
  });
  return {
    answered,
    /** Resolves once `count` orders are answered, or after `ms` (the assertions then tell). */
    reached: (count: number, ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        waiter = {
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
        if (answered.length >= count) waiter.resolve();
      }),
    stop: () => {
      stopped = true;
      return sent;
    },
  };
}

describe("crash", () => {
  test.each([
    ["without snapshots", "0"],
    ["with a snapshot every 300 commands", "300"],
  ])(
    "kill -9 in the middle of a burst (%s): every answered order is there after a restart",
    async (_, every) => {
      const dir = mkdtempSync(join(tmpdir(), "unwind-crash-"));
      const cli = spawnCli(["--port", "0", "--data-dir", dir, "--snapshot-every", every]);
      const { wsUrl } = await cli.ready;
      const clients = await Promise.all(KEYS.map(() => WsClient.open(wsUrl)));
      await Promise.all(
        clients.map((c, k) =>
          c.call("public/auth", {
            grant_type: "client_credentials",
            client_id: KEYS[k]!.id,
            client_secret: KEYS[k]!.secret,
          }),
        ),
      );
      const run = burst(clients, 16);
      await run.reached(1500, 10_000);
      cli.child.kill("SIGKILL");
      const sent = run.stop();
      expect(await cli.exited).toMatchObject({ signal: "SIGKILL" });
      for (const c of clients) c.socket.terminate();
      const answered = [...run.answered];
      expect(answered.length).toBeGreaterThanOrEqual(1500);
      expect(sent).toBeGreaterThan(answered.length);

      // A clean replay, read independently of the server's recovery.
      const journal = await readJournalDir(dir);
      expect(journal.problems.filter((p) => p.problem.kind === "corrupt")).toEqual([]);
      const replay = Engine.fromSnapshot(journal.snapshot!.engine, { events: false });
      for (const command of journal.commands) replay.apply(command);

      const lines: string[] = [];
      const recovered = await startReferenceServer({
        port: 0,
        dataDir: dir,
        snapshotEvery: Number(every),
        log: (line) => lines.push(line),
      });
      try {
        expect(recovered.engine.stateHash()).toBe(replay.stateHash());
        const missing = answered.filter(
          (a) => !getOrderState(recovered.engine, a.account, { order_id: a.orderId }).ok,
        );
        expect(missing).toEqual([]);
        expect(journal.snapshot!.seq + journal.commands.length).toBeGreaterThanOrEqual(
          answered.length,
        );
      } finally {
        await recovered.close();
      }
    },
    60_000,
  );
});
