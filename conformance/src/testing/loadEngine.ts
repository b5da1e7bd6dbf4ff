import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

/** The wire edge of `@unwind/engine` the stand-in server uses (typed here: it is not our dependency). */
export type EdgeResult =
  | { ok: true; result: unknown }
  | { ok: false; code: number; message: string; data?: unknown };
type Params = Record<string, unknown>;

/** The subset of `@unwind/engine`'s `Engine` the stand-in calls. */
export interface EngineLike {
  placeOrder(
    account: number,
    direction: "buy" | "sell",
    params: Params,
    timestamp: number,
  ): EdgeResult;
  cancel(account: number, params: Params, timestamp: number): EdgeResult;
  closePosition(account: number, params: Params, timestamp: number): EdgeResult;
  getOrderState(account: number, params: Params): EdgeResult;
  getOpenOrdersByInstrument(account: number, params: Params): EdgeResult;
  getPosition(account: number, params: Params): EdgeResult;
  getPositions(account: number, params: Params): EdgeResult;
  getOrderBook(params: Params, timestamp?: number): EdgeResult;
  getInstruments(params: Params): EdgeResult;
  getCurrencies(): EdgeResult;
  getAccountSummary(account: number, params: Params): EdgeResult;
  getAccountSummaries(account: number): EdgeResult;
}

interface EngineModule {
  Engine: new (options: {
    accounts: { id: number; username: string; balances: Record<string, string> }[];
    orderIdStart?: string;
  }) => EngineLike;
}

/**
 * Loads `@unwind/engine` through `@unwind/reference`'s dependencies: the suite's own tests
 * need a matching engine for their stand-in server until the reference server lands, and the
 * engine is not a dependency of the suite.
 */
export async function loadEngine(): Promise<EngineModule> {
  const require = createRequire(import.meta.url);
  const fromReference = createRequire(require.resolve("@unwind/reference/package.json"));
  return (await import(
    pathToFileURL(fromReference.resolve("@unwind/engine")).href
  )) as EngineModule;
}
