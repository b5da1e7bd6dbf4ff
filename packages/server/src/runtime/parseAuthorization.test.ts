import { describe, expect, it } from "vitest";
import { parseAuthorization } from "./parseAuthorization.js";
import { RpcError } from "./RpcError.js";

const request = { httpMethod: "post", uri: "/api/v2?x=1", body: "{}" };
const b64 = (text: string) => Buffer.from(text).toString("base64");

describe("parseAuthorization", () => {
  it.each([
    ["Bearer abc.def", { scheme: "bearer", token: "abc.def", source: "header" }],
    ["bearer   abc ", { scheme: "bearer", token: "abc", source: "header" }],
    ["BEARER abc", { scheme: "bearer", token: "abc", source: "header" }],
    [`Basic ${b64("id:se:cret")}`, { scheme: "basic", clientId: "id", clientSecret: "se:cret" }],
    [`basic ${b64("id:")}`, { scheme: "basic", clientId: "id", clientSecret: "" }],
    [
      "deri-hmac-sha256 id=abc,ts=1700000000000,nonce=n=1,sig=ff00",
      {
        scheme: "deri-hmac-sha256",
        id: "abc",
        ts: "1700000000000",
        nonce: "n=1",
        sig: "ff00",
        httpMethod: "POST",
        uri: "/api/v2?x=1",
        body: "{}",
      },
    ],
    [
      "Deri-HMAC-SHA256 sig=ff00, nonce=n ,ts=1,ID=abc",
      {
        scheme: "deri-hmac-sha256",
        id: "abc",
        ts: "1",
        nonce: "n",
        sig: "ff00",
        httpMethod: "POST",
        uri: "/api/v2?x=1",
        body: "{}",
      },
    ],
  ])("parses %s", (header, want) => {
    expect(parseAuthorization(header, request)).toEqual(want);
  });

  it.each([[undefined], [""], ["   "]])("gives undefined for no header: %j", (header) => {
    expect(parseAuthorization(header, request)).toBeUndefined();
  });

  it.each([
    ["Bearer", "could not parse the Bearer credentials. Expected one token after Bearer"],
    ["Bearer a b", "could not parse the Bearer credentials. Expected one token after Bearer"],
    [
      "Basic !!!",
      "could not parse the Basic credentials. Expected base64(client_id:client_secret)",
    ],
    [
      "Basic abc",
      "could not parse the Basic credentials. Expected base64(client_id:client_secret)",
    ],
    [
      `Basic ${b64("nocolon")}`,
      "could not parse the Basic credentials. Expected client_id:client_secret",
    ],
    [
      `Basic ${b64(":secret")}`,
      "could not parse the Basic credentials. Expected client_id:client_secret",
    ],
    [
      "Digest x",
      'unsupported Authorization scheme "digest". Expected Bearer, Basic or deri-hmac-sha256',
    ],
    ["deri-hmac-sha256 id=a,ts=1,nonce=n", "deri-hmac-sha256 field sig is missing or empty"],
    ["deri-hmac-sha256 id=a,ts=1,nonce=n,sig=", "deri-hmac-sha256 field sig is missing or empty"],
    ["deri-hmac-sha256 id=a,id=b,ts=1,nonce=n,sig=f", "deri-hmac-sha256 field id is given twice"],
    [
      "deri-hmac-sha256 id=a,ts=1,nonce=n,sig=f,extra=1",
      'could not parse the deri-hmac-sha256 credentials. Expected the fields id, ts, nonce and sig, but got "extra"',
    ],
    [
      "deri-hmac-sha256 id=a,ts=soon,nonce=n,sig=f",
      'deri-hmac-sha256 ts must be milliseconds since the epoch, but got "soon"',
    ],
  ])("answers 13009 with a reason for %s", (header, reason) => {
    const error = parseAuthorization(header, request);
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).toJSON()).toEqual({
      code: 13009,
      message: "unauthorized",
      data: { reason },
    });
  });
});
