import { afterAll, beforeAll, expect, test } from "vitest";
import { basicAuthorization } from "./basicAuthorization.js";
import { createBaseClient } from "./createBaseClient.js";
import { nodeCrypto } from "./nodeCrypto.js";
import { startWireServer, type WireServer } from "./wireServer.test-helpers.js";

let server: WireServer;
beforeAll(async () => {
  const whoami = ({ headers }: { headers?: { authorization?: string } }) =>
    headers?.authorization ?? "none";
  server = await startWireServer({
    "public/whoami": whoami,
    "private/open": whoami,
    "public/auth": () => ({ access_token: "tok", expires_in: 900, refresh_token: "r" }),
  });
});
afterAll(() => server.close());

// A generated table whose `auth` (x-auth) disagrees with the names' prefixes.
const env = {
  crypto: nodeCrypto,
  WebSocket: undefined,
  loadSpecValidator: undefined,
  errorClasses: {},
  methods: {
    "public/whoami": { auth: { private: true } },
    "private/open": { auth: { private: false } },
  },
};
const key = { clientId: "id", clientSecret: "secret" };

test.each([
  ["basic", basicAuthorization(key.clientId, key.clientSecret)],
  ["bearer", "Bearer tok"],
] as const)(
  "HTTP %s: credentials go with the methods the table marks private, whatever their names",
  async (mode, header) => {
    const { base } = createBaseClient(env, { url: server.url, auth: { ...key, http: mode } });
    expect(await base.request("public/whoami")).toBe(header);
    expect(await base.request("/public/whoami")).toBe(header);
    expect(await base.request("private/open")).toBe("none");
    await base.close();
  },
);
