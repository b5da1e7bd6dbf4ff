import { expect, it } from "vitest";
import * as cli from "./cli/index.js";
import * as protocol from "./index.js";

it("exports these names", () => {
  expect(Object.keys(protocol).sort()).toMatchInlineSnapshot(`
    [
      "clientSignatureStringToSign",
      "errorEnvelope",
      "formatMicros",
      "httpStringToSign",
      "nowMicros",
      "resultEnvelope",
      "stringToSign",
    ]
  `);
  expect(Object.keys(cli).sort()).toMatchInlineSnapshot(`
    [
      "houseMessages",
      "nodeMessages",
      "readArgs",
    ]
  `);
});
