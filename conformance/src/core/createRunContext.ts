import { createHttpDriver, type HttpDriver } from "../driver/createHttpDriver.js";
import { createWsDriver } from "../driver/createWsDriver.js";
import type { Driver } from "../driver/Driver.js";
import { resultOf, wireError } from "../driver/Exchange.js";
import type { Recorder } from "../driver/Recorder.js";
import type { Transport } from "../driver/Transport.js";
import type { SpecView } from "../spec/SpecView.js";
import type { Accounts, Role } from "./Accounts.js";
import { authenticate } from "./authenticate.js";
import { cmpDec, isDecimal, isMultiple, mulDec } from "./decimal.js";
import type { AccountSession, Market, RunContext } from "./RunContext.js";
import { ScenarioError } from "./ScenarioError.js";
import type { Target } from "./Target.js";

/** Options of {@link createRunContext}. */
export interface RunContextOptions {
  transport: Transport;
  target: Target;
  accounts: Accounts;
  instrument: string;
  seed: number;
  propertyRuns: number;
  timeoutMs: number;
  slow: boolean;
  spec: SpecView;
  recorder: Recorder;
}

/** Builds the context the scenarios of one transport share. */
export function createRunContext(options: RunContextOptions): RunContext {
  const { transport, target, recorder, timeoutMs } = options;
  const drivers: Driver[] = [];
  const sessions = new Map<Role, Promise<AccountSession>>();
  let shared: Promise<Driver> | undefined;
  let market: Promise<Market> | undefined;
  let httpDriver: HttpDriver | undefined;

  const http = (): HttpDriver => {
    httpDriver ??= createHttpDriver({
      baseUrl: target.httpUrl,
      timeoutMs,
      onExchange: recorder.record,
    });
    return httpDriver;
  };

  async function openDriver(): Promise<Driver> {
    const driver =
      transport === "http"
        ? createHttpDriver({ baseUrl: target.httpUrl, timeoutMs, onExchange: recorder.record })
        : await createWsDriver({ url: target.wsUrl, timeoutMs, onExchange: recorder.record });
    drivers.push(driver);
    return driver;
  }

  async function login(role: Role): Promise<AccountSession> {
    const credentials = options.accounts[role];
    const driver = await openDriver();
    const tokens = await authenticate(driver, credentials);
    let callOnce: AccountSession["call"];
    const headers = { authorization: `Bearer ${tokens.accessToken}` };
    if (transport === "http") {
      const authed = createHttpDriver({
        baseUrl: target.httpUrl,
        timeoutMs,
        onExchange: recorder.record,
        headers,
      });
      callOnce = (method, params) => authed.call(method, params ?? {});
    } else {
      callOnce = (method, params) => driver.call(method, params ?? {});
    }
    const session: AccountSession = {
      role,
      credentials,
      ...tokens,
      // A server may cap the live tokens of a key and revoke the oldest (the spec allows it): a
      // session's token can be revoked by the scenarios' own logins. On 13009 it logs in again,
      // once, and the call goes again; both exchanges stay in the run's traffic.
      async call(method, params) {
        const first = await callOnce(method, params);
        if (wireError(first)?.code !== 13009) return first;
        let again: Awaited<ReturnType<typeof authenticate>>;
        try {
          again = await authenticate(driver, credentials);
        } catch {
          return first;
        }
        session.accessToken = again.accessToken;
        session.refreshToken = again.refreshToken;
        headers.authorization = `Bearer ${again.accessToken}`;
        return callOnce(method, params);
      },
    };
    return session;
  }

  async function loadMarket(): Promise<Market> {
    const driver = await ctx.driver();
    const exchange = await driver.call("public/get_instruments", {});
    const list = resultOf<unknown>(exchange);
    const found = Array.isArray(list)
      ? (list as Record<string, unknown>[]).find(
          (i) => i?.["instrument_name"] === options.instrument,
        )
      : undefined;
    if (found === undefined) {
      throw new ScenarioError(
        `public/get_instruments does not list ${options.instrument}`,
        exchange,
      );
    }
    const field = (name: string) => {
      const value = found[name];
      if (!isDecimal(value) || cmpDec(value, "0") <= 0) {
        throw new ScenarioError(
          `${options.instrument}'s ${name} is ${JSON.stringify(value)}, not a positive decimal string`,
          exchange,
        );
      }
      return value;
    };
    const tickSize = field("tick_size");
    const contractSize = field("contract_size");
    const minTradeAmount = field("min_trade_amount");
    let lot = contractSize;
    for (let k = 1; cmpDec(lot, minTradeAmount) < 0 || !isMultiple(lot, contractSize); k++) {
      lot = mulDec(contractSize, k);
    }
    return {
      instrument: options.instrument,
      tickSize,
      contractSize,
      minTradeAmount,
      lot,
      basePrice: mulDec(tickSize, 100_000),
    };
  }

  const ctx: RunContext = {
    transport,
    target,
    accounts: options.accounts,
    instrument: options.instrument,
    seed: options.seed,
    propertyRuns: options.propertyRuns,
    timeoutMs,
    slow: options.slow,
    spec: options.spec,
    recorder,
    driver: () => {
      shared ??= openDriver();
      return shared;
    },
    openDriver,
    http,
    session(role) {
      let s = sessions.get(role);
      if (s === undefined) {
        s = login(role);
        sessions.set(role, s);
        s.catch(() => sessions.delete(role));
      }
      return s;
    },
    market() {
      market ??= loadMarket();
      market.catch(() => {
        market = undefined;
      });
      return market;
    },
    async close() {
      await Promise.all(drivers.map((d) => d.close()));
    },
  };
  return ctx;
}
