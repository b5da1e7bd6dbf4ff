import { expect, it } from "vitest";
import * as cli from "./cli/index.js";
import * as protocol from "./index.js";

it("exports these names", () => {
  expect(Object.keys(protocol).sort()).toMatchInlineSnapshot(`
    [
      "MAX_DECIMAL_LENGTH",
      "POW10_CACHE_LIMIT",
      "clientSignatureStringToSign",
      "compareDecimal",
      "divideExact",
      "errorEnvelope",
      "formatDecimal",
      "formatMicros",
      "formatRatio",
      "httpStringToSign",
      "nowMicros",
      "parseDecimal",
      "pow10",
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
