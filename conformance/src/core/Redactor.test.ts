import { describe, expect, it } from "vitest";
import type { Exchange } from "../driver/Exchange.js";
import type { CheckResult } from "./CheckResult.js";
import { REDACTED, Redactor } from "./Redactor.js";

const accounts = {
  maker: { id: "maker-id", secret: "maker-secret-1" },
  taker: { id: "taker-id", secret: "taker-secret-2" },
};
const TOKEN = "1700000000000.abcdefgh.issued-access-signature";
const REFRESH = "1700000000000.ijklmnop.issued-refresh-signature";

const login: Exchange = {
  transport: "http",
  url: "http://127.0.0.1:1/api/v2",
  request: `{"method":"public/auth","params":{"grant_type":"client_credentials","client_id":"maker-id","client_secret":"maker-secret-1"}}`,
  responseText: `{"result":{"access_token":"${TOKEN}","refresh_token":"${REFRESH}"}}`,
  response: { result: { access_token: TOKEN, refresh_token: REFRESH } },
  sentAtUs: 0,
  durationMs: 1,
};

describe("Redactor", () => {
  it("masks secrets, issued tokens, signatures and Authorization values wherever they appear", () => {
    const r = new Redactor(accounts);
    r.learn(login);
    const leaked = r.exchange(login);
    expect(JSON.stringify(leaked)).not.toMatch(/maker-secret-1|issued-access|issued-refresh/);
    expect(leaked.request).toContain(`"client_secret":"${REDACTED}"`);
    const sent: Exchange = {
      ...login,
      url: `http://127.0.0.1:1/api/v2/private/get_position?access_token=${TOKEN}&x=1`,
      requestHeaders: { authorization: `Bearer ${TOKEN}` },
      request: `{"params":{"signature":"ab12","access_token":"unknown-token-abc"}}`,
    };
    const masked = r.exchange(sent);
    expect(masked.url).toBe(
      `http://127.0.0.1:1/api/v2/private/get_position?access_token=${REDACTED}&x=1`,
    );
    expect(masked.requestHeaders).toEqual({ authorization: `Bearer ${REDACTED}` });
    expect(masked.request).toBe(
      `{"params":{"signature":"${REDACTED}","access_token":"${REDACTED}"}}`,
    );
  });

  it("masks a token cut short by a truncation, a wrong secret derived from the right one, and HMAC headers", () => {
    const r = new Redactor(accounts);
    const result = {
      id: "x",
      status: "failed",
      specReferences: [],
      description: "",
      method: "*",
      scenario: "s",
      transport: "http",
      details: `got result {"access_token":"1700000000000.abcd… with maker-secret-1x and deri-hmac-sha256 id=a,ts=1,nonce=n,sig=00ff and Basic bWFrZXI=`,
    } satisfies CheckResult;
    expect(r.result(result).details).toBe(
      `got result {"access_token":"${REDACTED}… with ${REDACTED}x and deri-hmac-sha256 id=a,ts=1,nonce=n,sig=${REDACTED} and Basic ${REDACTED}`,
    );
  });
});
