import type { Scenario } from "../core/Scenario.js";
import { authentication } from "./authentication.js";
import { authorization } from "./authorization.js";
import { basicCloseScenario } from "./closePosition/basicCloseScenario.js";
import { closePartialFill } from "./closePosition/closePartialFill.js";
import {
  closeNoPosition,
  closeRefused,
  closeUnknownInstrument,
} from "./closePosition/closeRejections.js";
import { orderIsolation } from "./closePosition/orderIsolation.js";
import { reduceOnly } from "./closePosition/reduceOnly.js";
import { selfTrade } from "./closePosition/selfTrade.js";
import { envelope } from "./envelope.js";
import { fixtureReplay } from "./fixtureReplay.js";
import { invalidParams } from "./invalidParams.js";
import { propertyBased } from "./propertyBased.js";
import { protocolErrors } from "./protocolErrors.js";
import { publicMethods } from "./publicMethods.js";
import { schemas } from "./schemas.js";
import { subscriptions } from "./subscriptions/subscriptions.js";
import { closeMultiLevel } from "./trading/closeMultiLevel.js";
import { closeOwnBestPrice } from "./trading/closeResults.js";
import { instrumentRules } from "./trading/instrumentRules.js";
import { orderBook } from "./trading/orderBook.js";
import { orderRules } from "./trading/orderRules.js";
import { positionBookkeeping } from "./trading/positionBookkeeping.js";
import { transport } from "./transport.js";

/**
 * Every scenario, by name, in run order. `envelope` and `schemas` come last: they judge the
 * whole run's traffic.
 */
export const scenarios: ReadonlyMap<string, Scenario> = new Map(
  [
    publicMethods,
    protocolErrors,
    invalidParams,
    authentication,
    authorization,
    basicCloseScenario("long", true),
    basicCloseScenario("short", true),
    basicCloseScenario("long", false),
    basicCloseScenario("short", false),
    closePartialFill,
    closeNoPosition,
    closeUnknownInstrument,
    closeRefused,
    reduceOnly,
    selfTrade,
    orderIsolation,
    positionBookkeeping,
    closeOwnBestPrice,
    closeMultiLevel,
    orderBook,
    orderRules,
    instrumentRules,
    propertyBased,
    fixtureReplay,
    subscriptions,
    transport,
    envelope,
    schemas,
  ].map((s) => [s.name, s]),
);
