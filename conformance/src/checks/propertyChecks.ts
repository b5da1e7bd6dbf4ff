import { defineCheck } from "../core/defineCheck.js";
import { specRef } from "../core/SpecReference.js";

/** Property-based checks: requests generated from the spec's param schemas. */
export const propertyChecks = {
  validParams: defineCheck({
    id: "property-valid-params",
    description:
      "Generated valid params (from each public method's param schemas) get a valid result or a declared error, never -32602 (but for a subscribe naming a channel at an interval other than raw, which a server may refuse on channels)",
    method: "*",
    specReferences: [
      specRef(undefined, "/methods", "each method's params"),
      specRef("public/subscribe", "/description", "may be served at `100ms` too"),
    ],
  }),
  invalidParams: defineCheck({
    id: "property-invalid-params",
    description:
      "Generated invalid params (wrong types, values outside enums and ranges, malformed decimals, a missing required param) answer -32602 naming the param",
    method: "*",
    specReferences: [
      specRef(undefined, "/components/errors/InvalidParams"),
      specRef(undefined, "/components/schemas/DecimalInput"),
    ],
  }),
};
