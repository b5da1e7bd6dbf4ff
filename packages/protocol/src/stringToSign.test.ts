import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import { clientSignatureStringToSign } from "./clientSignatureStringToSign.js";
import { httpStringToSign } from "./httpStringToSign.js";
import { stringToSign } from "./stringToSign.js";

// Written out by hand from the spec's x-auth-schemes, not computed: a change to the functions
// has to change these literals too.
describe("the two Deribit strings to sign", () => {
  test("httpStringToSign: ts, nonce, UPPER(method), path?query, body, each followed by a newline", () => {
    expect(httpStringToSign(1, "n", "get", "/api/v2/public/test?x=1", "")).toBe(
      "1\nn\nGET\n/api/v2/public/test?x=1\n\n",
    );
    expect(httpStringToSign("1700000000000", "abc", "POST", "/api/v2", '{"a":1}')).toBe(
      '1700000000000\nabc\nPOST\n/api/v2\n{"a":1}\n',
    );
  });

  test("clientSignatureStringToSign: timestamp, nonce, data, no newline after data", () => {
    expect(clientSignatureStringToSign(5, "n", "d")).toBe("5\nn\nd");
    expect(clientSignatureStringToSign(5, "n", "")).toBe("5\nn\n");
  });

  test("both are the common stringToSign with their own request data", () => {
    expect(stringToSign(7, "x", "RD")).toBe("7\nx\nRD");
    expect(httpStringToSign(7, "x", "put", "/p", "b")).toBe(stringToSign(7, "x", "PUT\n/p\nb\n"));
  });

  test("a known HMAC: the digest a server compares", () => {
    const hex = createHmac("sha256", "secret")
      .update(clientSignatureStringToSign(1700000000000, "abc", ""))
      .digest("hex");
    expect(hex).toBe("0d1008bd85a2b30fd1fbae83f69c82d53ed1a303d59358d873e1f73189080fa1");
  });
});
