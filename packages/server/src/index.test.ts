import { expect, it } from "vitest";
import * as server from "./index.js";

it("exports these names", () => {
  expect(Object.keys(server).sort()).toMatchInlineSnapshot(`
    [
      "AuthorizationRequiredError",
      "InternalError",
      "InvalidOrUnsupportedInstrumentError",
      "InvalidParamsError",
      "InvalidPriceError",
      "InvalidRequestError",
      "MethodNotFoundError",
      "MustBeWebsocketRequestError",
      "NonIntegerContractAmountError",
      "NotOpenOrderError",
      "OrderNotFoundError",
      "OtherRejectError",
      "ParseError",
      "PostOnlyRejectError",
      "PriceWrongTickError",
      "QtyTooLowError",
      "RawJson",
      "RpcError",
      "ScopeExceededError",
      "TooManyConcurrentRequestsError",
      "TooManyRequestsError",
      "UnauthorizedError",
      "createDispatcher",
      "createServer",
      "defaultLimits",
      "describeParamError",
      "errorClasses",
      "hasScope",
      "hmacStringToSign",
      "methods",
      "nowMicros",
      "parseAuthorization",
      "protocolErrors",
      "rawIdText",
      "rawJson",
      "specVersion",
      "transportHandlers",
      "validators",
    ]
  `);
});
