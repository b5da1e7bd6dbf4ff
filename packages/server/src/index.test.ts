import { expect, it } from "vitest";
import * as server from "./index.js";

it("exports these names", () => {
  expect(Object.keys(server).sort()).toMatchInlineSnapshot(`
    [
      "RpcError",
      "createDispatcher",
      "createServer",
      "defaultLimits",
      "describeParamError",
      "hasScope",
      "hmacStringToSign",
      "nowMicros",
      "parseAuthorization",
      "protocolErrors",
    ]
  `);
});
