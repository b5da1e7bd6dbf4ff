import { defineCheck } from "../core/defineCheck.js";
import { specRef } from "../core/SpecReference.js";

const result = (method: string) => specRef(method, "/result");

/** Checks of the public methods' results. */
export const publicMethodChecks = {
  test: defineCheck({
    id: "public-test",
    description: "public/test answers {version} (a non-empty string)",
    method: "public/test",
    specReferences: [result("public/test")],
  }),
  testException: defineCheck({
    id: "public-test-exception",
    description: 'public/test with expected_result "exception" answers -32603 Internal error',
    method: "public/test",
    specReferences: [
      specRef("public/test", "/params/0"),
      specRef(undefined, "/components/schemas/TestExpectedResult"),
    ],
  }),
  getTime: defineCheck({
    id: "public-get-time",
    description:
      "public/get_time answers the server time in milliseconds, within 60 s of the wall clock",
    method: "public/get_time",
    specReferences: [result("public/get_time")],
  }),
  getCurrencies: defineCheck({
    id: "public-get-currencies",
    description:
      "public/get_currencies answers a valid list that includes the instrument's base currency",
    method: "public/get_currencies",
    specReferences: [result("public/get_currencies")],
  }),
  getInstruments: defineCheck({
    id: "public-get-instruments",
    description:
      "public/get_instruments answers a valid list that includes the instrument under test",
    method: "public/get_instruments",
    specReferences: [result("public/get_instruments")],
  }),
  getInstrumentsFilter: defineCheck({
    id: "public-get-instruments-filter",
    description: "public/get_instruments with currency and kind lists only matching instruments",
    method: "public/get_instruments",
    specReferences: [specRef("public/get_instruments", "/params")],
  }),
  getOrderBook: defineCheck({
    id: "public-get-order-book",
    description: "public/get_order_book answers a valid book for the instrument under test",
    method: "public/get_order_book",
    specReferences: [result("public/get_order_book")],
  }),
  getOrderBookUnknown: defineCheck({
    id: "public-get-order-book-unknown-instrument",
    description:
      "public/get_order_book of an instrument the server does not list answers 10020 (NOPE-PERPETUAL, and the instrument under test in lower case: names match exactly)",
    method: "public/get_order_book",
    specReferences: [
      specRef("public/get_order_book", "/errors"),
      specRef(undefined, "/components/schemas/InstrumentName", "a name the server does not list"),
      specRef(undefined, "/components/errors/InvalidOrUnsupportedInstrument"),
    ],
  }),
  leadingSlash: defineCheck({
    id: "method-leading-slash",
    description: "A method name with a leading slash (/public/test) names the same method",
    method: "*",
    specReferences: [specRef(undefined, "/x-transports/leadingSlash")],
  }),
  httpGetForm: defineCheck({
    id: "http-get-form",
    description:
      "GET /api/v2/{method}?query answers like the JSON-RPC call, integers and booleans coerced from the query (HTTP only)",
    method: "*",
    specReferences: [specRef(undefined, "/x-transports/http/perMethod")],
  }),
};
