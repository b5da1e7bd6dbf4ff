import { defineCheck } from "../core/defineCheck.js";
import { specRef } from "../core/SpecReference.js";

const invalidParams = specRef(undefined, "/components/errors/InvalidParams");

/** Negative checks of params: each answers -32602 with data {param, reason}. */
export const paramChecks = {
  missing: defineCheck({
    id: "params-missing",
    description: "A missing required param answers -32602 with data.param naming it",
    method: "*",
    specReferences: [invalidParams, specRef("public/get_order_book", "/params/0/required")],
  }),
  wrongType: defineCheck({
    id: "params-wrong-type",
    description: "A param of the wrong JSON type answers -32602 with data.param naming it",
    method: "*",
    specReferences: [invalidParams],
  }),
  badEnum: defineCheck({
    id: "params-bad-enum",
    description:
      "A value outside a param's enum answers -32602 (close_position type other than limit, an unknown currency)",
    method: "*",
    specReferences: [invalidParams, specRef(undefined, "/components/schemas/ClosePositionType")],
  }),
  malformedDecimal: defineCheck({
    id: "params-malformed-decimal",
    description:
      'A decimal param that is not a decimal string or number ("1e5", "12,5", "abc") answers -32602',
    method: "*",
    specReferences: [invalidParams, specRef(undefined, "/components/schemas/DecimalInput")],
  }),
  undeclaredIgnored: defineCheck({
    id: "params-undeclared-ignored",
    description:
      "A param the method does not declare is ignored: get_order_book and get_position with an extra param answer as without it",
    method: "*",
    specReferences: [
      specRef(undefined, "/info/description", "params a method does not declare are ignored"),
    ],
  }),
};
