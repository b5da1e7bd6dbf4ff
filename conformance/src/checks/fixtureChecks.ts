import { defineCheck } from "../core/defineCheck.js";
import { specRef } from "../core/SpecReference.js";

/** Recorded wire fixtures replayed against the server. */
export const fixtureChecks = {
  replay: defineCheck({
    id: "fixture-replay",
    description:
      "Each recorded fixture (fixtures/<method>/<case>.io) replays with the same answers, ids, timestamps and tokens normalised",
    method: "*",
    specReferences: [specRef(undefined, "/methods", "each method's examples and result schema")],
  }),
};
