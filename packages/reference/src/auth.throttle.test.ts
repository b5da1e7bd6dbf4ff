import { afterEach, describe, expect, test } from "vitest";
import { type ReferenceServer, startReferenceServer } from "./startReferenceServer.js";
import { ALICE, BOB, basic, postFrom, WsClient } from "./testing/rpc.test-helpers.js";

// Addresses in 127.0.0.0/8 are all loopback: each stands for one client machine.
const ATTACKER = "127.0.0.2";
const OTHER = "127.0.0.3";
const OWNER = "127.0.0.4";

let clock = 1_700_000_000_000;
let server: ReferenceServer;
const open: WsClient[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
  await server?.close();
});

async function start(): Promise<void> {
  clock = 1_700_000_000_000;
  server = await startReferenceServer({
    port: 0,
    now: () => clock,
    loginThrottle: {
      perAddress: { burst: 4, perSecond: 1 },
      perClientId: { burst: 6, perSecond: 0.5 },
    },
  });
}
async function ws(from: string): Promise<WsClient> {
  const client = await WsClient.open(server.wsUrl, from);
  open.push(client);
  return client;
}
const credentials = (key: { id: string }, secret: string) => ({
  grant_type: "client_credentials",
  client_id: key.id,
  client_secret: secret,
});

describe("failed-login throttling", () => {
  test("per address, across WebSocket connections and HTTP: 10028 with when to retry", async () => {
    await start();
    const [first, second] = [await ws(ATTACKER), await ws(ATTACKER)];
    // Wrong secrets for several client ids, spread over two connections.
    for (const [i, client] of [first, first, second, second].entries()) {
      const answer = await client.call("public/auth", credentials({ id: `guess-${i}` }, "x"));
      expect(answer.error).toEqual({ code: 13009, message: "unauthorized" });
    }
    const refused = {
      code: 10028,
      message: "too_many_requests",
      data: { reason: "too many failed logins from this address", retry_after_ms: 1_000 },
    };
    // Even the right secret is not checked now, on a new connection or over HTTP.
    expect(
      (await (await ws(ATTACKER)).call("public/auth", credentials(BOB, BOB.secret))).error,
    ).toEqual(refused);
    expect(
      (await postFrom(ATTACKER, server.url, "public/auth", credentials(BOB, "x"))).error,
    ).toEqual(refused);
    // Basic over HTTP is the same login.
    const position = { instrument_name: "BTC-PERPETUAL" };
    expect(
      (await postFrom(ATTACKER, server.url, "private/get_position", position, basic(BOB))).error,
    ).toEqual(refused);
    // Another address is not throttled.
    const other = await postFrom(OTHER, server.url, "public/auth", credentials(BOB, BOB.secret));
    expect(other.result).toMatchObject({ token_type: "bearer" });
    // One refill later, one more attempt is checked.
    clock += 1_000;
    expect((await first.call("public/auth", credentials(BOB, BOB.secret))).result).toBeDefined();
    // A success spends nothing: one failure is still allowed, then the next waits again.
    expect((await first.call("public/auth", credentials(BOB, "x"))).error?.code).toBe(13009);
    expect((await first.call("public/auth", credentials(BOB, "x"))).error?.code).toBe(10028);
  });

  test("per client id, from many addresses; a short wait, and the owner's known address is exempt", async () => {
    await start();
    // The owner logged in from OWNER earlier.
    expect(
      (await (await ws(OWNER)).call("public/auth", credentials(ALICE, ALICE.secret))).result,
    ).toBeDefined();
    // Three failures from each of two addresses: within each address's budget, but alice's is spent.
    for (const from of [ATTACKER, OTHER]) {
      for (let i = 0; i < 3; i++) {
        const answer = await postFrom(from, server.url, "public/auth", credentials(ALICE, "x"));
        expect(answer.error?.code).toBe(13009);
      }
    }
    const fresh = await ws("127.0.0.5");
    expect((await fresh.call("public/auth", credentials(ALICE, ALICE.secret))).error).toEqual({
      code: 10028,
      message: "too_many_requests",
      data: { reason: "too many failed logins for this client id", retry_after_ms: 2_000 },
    });
    // Bob's logins are not affected, and neither is the owner's address.
    expect((await fresh.call("public/auth", credentials(BOB, BOB.secret))).result).toBeDefined();
    expect(
      (await (await ws(OWNER)).call("public/auth", credentials(ALICE, ALICE.secret))).result,
    ).toBeDefined();
    // The lockout lasts one interval, not for ever: the real owner gets in from a new address.
    clock += 2_000;
    expect(
      (await fresh.call("public/auth", credentials(ALICE, ALICE.secret))).result,
    ).toBeDefined();
  });

  test("an unknown client id is throttled like a known one", async () => {
    await start();
    for (let i = 0; i < 6; i++) {
      await postFrom(`127.0.1.${i}`, server.url, "public/auth", credentials({ id: "nobody" }, "x"));
      await postFrom(`127.0.2.${i}`, server.url, "public/auth", credentials(BOB, "x"));
    }
    const nobody = await postFrom(
      OTHER,
      server.url,
      "public/auth",
      credentials({ id: "nobody" }, "x"),
    );
    const bob = await postFrom(OTHER, server.url, "public/auth", credentials(BOB, "x"));
    expect(nobody.error).toEqual(bob.error);
    expect(bob.error?.code).toBe(10028);
  });
});
