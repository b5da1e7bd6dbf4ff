import { startServerProcess } from "../bench/serverProcess.js";
import {
  ALICE,
  ALICE_READONLY,
  BOB,
  type Envelope,
  WsClient,
} from "../testing/rpc.test-helpers.js";
import type { SoakOptions, SoakResult } from "./SoakResult.js";
import { rssBytes } from "./soakServer.js";

/** Guessers, each its own client address (all of 127.0.0.0/8 is loopback). */
const GUESSERS = ["127.0.0.11", "127.0.0.12", "127.0.0.13", "127.0.0.14"];
/** The owners' address: it logs in with the right secrets, over and over. */
const OWNER = "127.0.0.21";
/** Requests each connection keeps in flight. */
const WINDOW = 8;

/**
 * The token flood: a reference server in its own process takes `public/auth` as fast as
 * connections can send it for `durationMs`: guessers on four addresses send wrong secrets for
 * alice's and bob's keys and for unknown client ids, while the owners log in with the right
 * secrets (alice's trading and read-only keys) from another address. It reports the server's RSS,
 * how many wrong guesses per second were checked (13009) before the failed-login throttle answered
 * 10028, how many right logins were refused (should be none: the owners' address is known), and
 * whether a new connection still gets `public/test` answered afterwards.
 */
export async function tokenFlood(options: SoakOptions): Promise<SoakResult> {
  const server = await startServerProcess([]);
  const counts = { answered: 0, checked: 0, throttled: 0, granted: 0, refused: 0, other: 0 };
  let rssMax = rssBytes(server.pid);
  const rssStart = rssMax;
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, rssBytes(server.pid));
  }, 100);
  const clients: WsClient[] = [];
  try {
    const owners = await WsClient.open(server.wsUrl, OWNER);
    clients.push(owners);
    const guessers = await Promise.all(GUESSERS.map((from) => WsClient.open(server.wsUrl, from)));
    clients.push(...guessers);
    const started = Date.now();
    const end = started + options.durationMs;
    let guess = 0;
    const count = (answer: Envelope, right: boolean) => {
      counts.answered++;
      if (answer.result !== undefined) counts.granted++;
      else if (answer.error?.code === 10028) right ? counts.refused++ : counts.throttled++;
      else if (answer.error?.code === 13009 && !right) counts.checked++;
      else counts.other++;
    };
    const loop = async (client: WsClient, right: boolean) => {
      while (Date.now() < end) {
        const n = guess++;
        const key = right ? [ALICE, ALICE_READONLY][n % 2]! : undefined;
        const params = {
          grant_type: "client_credentials",
          client_id: key?.id ?? [ALICE.id, BOB.id, `nobody-${n % 1000}`][n % 3]!,
          client_secret: key?.secret ?? `guess-${n}`,
        };
        count(await client.call("public/auth", params), right);
      }
    };
    await Promise.all(
      clients.flatMap((client) =>
        Array.from({ length: WINDOW }, () => loop(client, client === owners)),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    // A new connection from a throttled address: the server must still answer it at once.
    const probe = await WsClient.open(server.wsUrl, GUESSERS[0]);
    clients.push(probe);
    const probeStart = performance.now();
    const test = await probe.call("public/test");
    const probeMs = performance.now() - probeStart;
    const rssEnd = rssBytes(server.pid);
    rssMax = Math.max(rssMax, rssEnd);
    const mib = (bytes: number) => (bytes / 1048576).toFixed(1);
    const notes = [
      `${counts.answered} public/auth answered in ${seconds.toFixed(1)} s (${Math.round(counts.answered / seconds)}/s) from ${clients.length} connections on ${GUESSERS.length + 1} addresses`,
      `wrong guesses checked (13009): ${counts.checked} (${(counts.checked / seconds).toFixed(1)}/s); throttled (10028): ${counts.throttled}`,
      `right logins granted: ${counts.granted}; refused by the throttle: ${counts.refused}; other answers: ${counts.other}`,
      `public/test after the flood: ${test.result === undefined ? `failed ${JSON.stringify(test.error)}` : `answered in ${probeMs.toFixed(1)} ms`}`,
      `server RSS: ${mib(rssStart)} MiB at the start, ${mib(rssMax)} MiB peak, ${mib(rssEnd)} MiB at the end (${rssEnd >= rssStart ? "+" : ""}${mib(rssEnd - rssStart)} MiB)`,
    ];
    for (const line of notes) options.log(`token-flood: ${line}`);
    return {
      name: "token-flood",
      answered: counts.answered,
      rssMaxBytes: rssMax,
      rssEndBytes: rssEnd,
      lostAcknowledged: 0,
      notes,
    };
  } finally {
    clearInterval(sampler);
    for (const client of clients) client.socket.terminate();
    await server.stop();
  }
}
