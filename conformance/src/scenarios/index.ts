import type { Scenario } from "../core/Scenario.js";
import { authentication } from "./authentication.js";
import { envelope } from "./envelope.js";
import { invalidParams } from "./invalidParams.js";
import { protocolErrors } from "./protocolErrors.js";
import { publicMethods } from "./publicMethods.js";
import { schemas } from "./schemas.js";

/**
 * Every scenario, by name, in run order. `envelope` and `schemas` come last: they judge the
 * whole run's traffic.
 */
export const scenarios: ReadonlyMap<string, Scenario> = new Map(
  [publicMethods, protocolErrors, invalidParams, authentication, envelope, schemas].map((s) => [
    s.name,
    s,
  ]),
);
