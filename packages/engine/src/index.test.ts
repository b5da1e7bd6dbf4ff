import { expect, test } from "vitest";
import * as engine from "./index.js";

test("exports", () => {
  expect(Object.keys(engine).sort()).toMatchInlineSnapshot(`
    [
      "Account",
      "Accounts",
      "Engine",
      "IdSequence",
      "NEVER_EXPIRES",
      "Order",
      "OrderBook",
      "Position",
      "PriceLevel",
      "ResultCode",
      "Side",
      "Trade",
      "benchAccounts",
      "compareDecimal",
      "defaultInstruments",
      "divideExact",
      "formatDecimal",
      "formatRatio",
      "generateCommands",
      "loadInstruments",
      "newOutcome",
      "parseClosePosition",
      "parseDecimal",
      "parsePlaceOrder",
      "placeResultJson",
      "resultMessage",
      "specEnums",
      "toWireOrder",
      "toWireRequest",
      "toWireTrade",
    ]
  `);
});
