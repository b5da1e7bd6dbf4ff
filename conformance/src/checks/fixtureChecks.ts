import { defineCheck } from "../core/defineCheck.js";
import { specRef } from "../core/SpecReference.js";

/** Recorded wire fixtures replayed against the server. */
export const fixtureChecks = {
  replay: defineCheck({
    id: "fixture-replay",
    description:
      "Each recorded fixture (fixtures/<method>/<case>.io) replays with the same answers on what the spec fixes: times, tokens and market figures normalised, ids by correspondence, the server's own values (fees, leverage, testnet, its instrument list) and members it leaves out not compared",
    method: "*",
    specReferences: [specRef(undefined, "/methods", "each method's examples and result schema")],
  }),
};
