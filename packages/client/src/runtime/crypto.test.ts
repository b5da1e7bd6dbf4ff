import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import { basicAuthorization } from "./basicAuthorization.js";
import { clientSignatureParams } from "./clientSignatureParams.js";
import { hmacAuthorization, hmacStringToSign } from "./hmacAuthorization.js";
import { nodeCrypto } from "./nodeCrypto.js";
import { createWebCrypto } from "./webCrypto.js";

const providers = { nodeCrypto, webCrypto: createWebCrypto() };

describe.each(Object.entries(providers))("%s", (_, crypto) => {
  test("HMAC-SHA256 matches RFC 4231 test case 2", async () => {
    expect(await crypto.hmacSha256Hex("Jefe", "what do ya want for nothing?")).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });

  test("UTF-8 secrets and messages agree with node:crypto", async () => {
    const expected = createHmac("sha256", "sécret-€").update("ts\nnonce\nΔ").digest("hex");
    expect(await crypto.hmacSha256Hex("sécret-€", "ts\nnonce\nΔ")).toBe(expected);
  });

  test("nonces are fresh and header-safe", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => crypto.nonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[0-9a-f]{24}$/);
  });
});

describe("signatures", () => {
  test("hmacStringToSign: ts, nonce, UPPER(method), path?query, body, each followed by a newline", () => {
    expect(hmacStringToSign(1, "n", "get", "/api/v2/public/test?x=1", "")).toBe(
      "1\nn\nGET\n/api/v2/public/test?x=1\n\n",
    );
  });

  test("hmacAuthorization: the Authorization header with a signature computed here", async () => {
    const header = await hmacAuthorization(
      {
        clientId: "id",
        clientSecret: "s",
        httpMethod: "post",
        pathAndQuery: "/api/v2",
        body: "{}",
        timestamp: 1700000000000,
        nonce: "abc",
      },
      nodeCrypto,
    );
    const sig = createHmac("sha256", "s")
      .update("1700000000000\nabc\nPOST\n/api/v2\n{}\n")
      .digest("hex");
    expect(header).toBe(`deri-hmac-sha256 id=id,ts=1700000000000,nonce=abc,sig=${sig}`);
  });

  test("clientSignatureParams: signature over timestamp\\nnonce\\ndata", async () => {
    const params = await clientSignatureParams({ clientId: "id", clientSecret: "s" }, nodeCrypto, {
      timestamp: 5,
      nonce: "n",
      data: "d",
    });
    expect(params).toEqual({
      grant_type: "client_signature",
      client_id: "id",
      timestamp: 5,
      nonce: "n",
      data: "d",
      signature: createHmac("sha256", "s").update("5\nn\nd").digest("hex"),
    });
  });

  test("basicAuthorization encodes UTF-8 like Buffer does", () => {
    expect(basicAuthorization("ïd", "sécret")).toBe(
      `Basic ${Buffer.from("ïd:sécret").toString("base64")}`,
    );
  });
});
