import { defineCheck } from "../core/defineCheck.js";
import { specRef } from "../core/SpecReference.js";

/** Checks of authorization over every private method of the spec, one result per method. */
export const authorizationChecks = {
  everyPrivateMethod: defineCheck({
    id: "auth-required-every-method",
    description:
      "Every private method of the spec (x-auth.private), called with its example params and no credentials, answers 10000 (one result per method)",
    method: "*",
    specReferences: [
      specRef(undefined, "/components/errors/AuthorizationRequired"),
      specRef(undefined, "/components/tags/Private", "x-auth.private"),
    ],
  }),
  scopeEveryMethod: defineCheck({
    id: "auth-scope-every-method",
    description:
      "With a trade:read token, every private method whose x-auth.scope is trade:read_write answers 13403 and every trade:read method is served (one result per method)",
    method: "*",
    specReferences: [
      specRef(undefined, "/components/errors/ScopeExceeded"),
      specRef(undefined, "/x-auth-schemes/scopes"),
    ],
  }),
};
